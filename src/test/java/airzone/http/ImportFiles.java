package airzone.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zips for the import tests: files packed by name, entries replaced or left out. */
final class ImportFiles {

    private ImportFiles() {
    }

    /** The regular files of {@code dir} (not recursing) as a zip, each under its own name. */
    static byte[] zipDirectory(Path dir) {
        try (var files = Files.list(dir)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path f : files.sorted().toList()) {
                    if (!Files.isRegularFile(f)) continue;
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of these entries, name → content, in order. */
    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a zip, name → content, in order. */
    static Map<String, byte[]> unzip(byte[] zipBytes) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The entry of {@code entries} whose name ends with {@code suffix}. */
    static String nameEndingWith(Map<String, byte[]> entries, String suffix) {
        List<String> names = entries.keySet().stream().filter(n -> n.endsWith(suffix)).toList();
        if (names.size() != 1) throw new AssertionError("expected one entry ending with " + suffix + " in " + entries.keySet());
        return names.get(0);
    }
}
