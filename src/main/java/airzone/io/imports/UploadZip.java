package airzone.io.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip into a working directory without letting it escape or explode: entry
 * names with a {@code ..} segment, an absolute path or a drive letter are refused (a backslash counts
 * as the separator it is on Windows, so {@code ..\evil} is caught too); the number of entries, the
 * total unpacked size and each entry's compression ratio are limited while the bytes are counted —
 * the sizes a zip declares are not trusted. macOS resource forks ({@code __MACOSX/}, {@code ._x})
 * are skipped. Entry names are read as UTF-8, or GBK as Chinese Windows writes them.
 */
final class UploadZip {

    private static final byte[] MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_MAGIC = {'P', 'K', 5, 6};

    private final ImportLimits limits;

    UploadZip(ImportLimits limits) {
        this.limits = limits;
    }

    static boolean isZip(byte[] head) {
        return startsWith(head, MAGIC) || startsWith(head, EMPTY_MAGIC);
    }

    /** Unpacks {@code zip} into {@code into} (an empty directory); returns the files written. */
    List<Path> unpack(Path zip, Path into) throws IOException {
        try {
            return unpack(zip, into, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | ZipException e) {
            if (!isBadName(e)) throw badZip(e);
            clear(into);
            try {
                return unpack(zip, into, Charset.forName("GBK"));
            } catch (IllegalArgumentException | ZipException again) {
                throw badZip(again);
            }
        }
    }

    private List<Path> unpack(Path zip, Path into, Charset names) throws IOException {
        long uploaded = Math.max(1, Files.size(zip));
        List<Path> written = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile(), names)) {
            if (file.size() > limits.maxEntries()) {
                throw ImportRefused.badInput("the zip has " + file.size() + " entries; at most " + limits.maxEntries() + " are accepted");
            }
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = safeName(entry.getName());
                if (name == null) continue;
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into)) throw traversal(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (entry.getSize() > limits.maxUnzippedBytes()) throw tooMuch();
                Files.createDirectories(target.getParent());
                long compressed = Math.max(1, entry.getCompressedSize());
                long size = 0;
                try (InputStream in = file.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (total > limits.maxUnzippedBytes()) throw tooMuch();
                        if (size > limits.ratioCheckAboveBytes() && size > limits.maxRatio() * compressed) {
                            throw ImportRefused.badInput("zip bomb: '" + name + "' unpacks to more than " + (long) limits.maxRatio()
                                    + " times its compressed size; the import takes ratios up to " + (long) limits.maxRatio() + ":1");
                        }
                        out.write(buffer, 0, n);
                    }
                } catch (FileAlreadyExistsException e) {
                    throw ImportRefused.badInput("the zip holds '" + name + "' twice");
                }
                written.add(target);
            }
            if (total > limits.ratioCheckAboveBytes() && total > limits.maxRatio() * uploaded) {
                throw ImportRefused.badInput("zip bomb: the zip unpacks to more than " + (long) limits.maxRatio() + " times its size");
            }
        }
        return written;
    }

    /**
     * The entry's path with '/' separators, or null for entries to skip; refuses any entry that
     * could land outside the working directory.
     */
    static String safeName(String raw) {
        if (raw.indexOf('\0') >= 0) throw traversal(raw);
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) throw traversal(raw);
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) throw traversal(raw);
            if (part.isEmpty() || part.equals(".")) continue;
            parts.add(part);
        }
        if (parts.isEmpty()) return null;
        if (parts.get(0).equals("__MACOSX") || parts.get(parts.size() - 1).startsWith("._")) return null;
        return String.join("/", parts);
    }

    private static ImportRefused traversal(String name) {
        return ImportRefused.badInput("the zip entry '" + name.replace("\0", "\\0")
                + "' points outside the archive (absolute path or '..'); such zips are refused");
    }

    private ImportRefused tooMuch() {
        return ImportRefused.badInput("zip bomb: the zip unpacks to more than " + ImportLimits.megabytes(limits.maxUnzippedBytes())
                + ", the most an import takes");
    }

    private static ImportRefused badZip(Exception e) {
        return ImportRefused.badInput("the upload is not a readable zip file: " + e.getMessage(), e);
    }

    private static boolean isBadName(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("malformed") || m.contains("bad entry name") || m.contains("unmappable");
    }

    private static void clear(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.deleteIfExists(p);
            }
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
    }
}
