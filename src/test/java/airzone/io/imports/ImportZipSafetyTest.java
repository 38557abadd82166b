package airzone.io.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unzipping an upload: nothing lands outside the working directory, and nothing explodes. */
class ImportZipSafetyTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void entryNamesThatEscapeAreRefused() {
        for (String name : List.of("../x.shp", "a/../../x.shp", "a/../b.shp", "..\\x.shp", "a\\..\\..\\x.shp", "/etc/x.shp",
                "\\\\server\\share\\x.shp", "C:/x.shp", "c:\\x.shp", "x\0.shp")) {
            assertThatThrownBy(() -> UploadZip.safeName(name)).as(name).isInstanceOf(ImportRefused.class).hasMessageContaining("outside");
        }
        assertThat(UploadZip.safeName("dir\\zones.shp")).isEqualTo("dir/zones.shp");
        assertThat(UploadZip.safeName("./dir//zones.shp")).isEqualTo("dir/zones.shp");
        assertThat(UploadZip.safeName("__MACOSX/._zones.shp")).isNull();
        assertThat(UploadZip.safeName("dir/._zones.shp")).isNull();
        assertThat(UploadZip.safeName("dir/")).isEqualTo("dir");
    }

    @Test
    void aTraversingEntryWritesNothing() throws IOException {
        Path zip = zip(Map.of("ok.txt", "fine".getBytes(StandardCharsets.UTF_8), "../escaped.txt", "evil".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        Path into = Files.createDirectory(work.resolve("into"));
        assertThatThrownBy(() -> new UploadZip(ImportLimits.standard()).unpack(zip, into)).isInstanceOf(ImportRefused.class);
        assertThat(work.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void aHighlyCompressedEntryIsAZipBomb() throws IOException {
        Path zip = zip(Map.of("zeros.dbf", new byte[(int) (4 * MB)]), StandardCharsets.UTF_8);
        Path into = Files.createDirectory(work.resolve("into"));
        assertThatThrownBy(() -> new UploadZip(ImportLimits.standard()).unpack(zip, into)).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("zip bomb").hasMessageContaining("zeros.dbf");
        // a small file compresses as much as it likes
        Path small = zip(Map.of("zeros.cpg", new byte[100_000]), StandardCharsets.UTF_8);
        Path again = Files.createDirectory(work.resolve("again"));
        assertThat(new UploadZip(ImportLimits.standard()).unpack(small, again)).hasSize(1);
    }

    @Test
    void theTotalUnpackedSizeIsLimited() throws IOException {
        byte[] random = new byte[(int) MB];
        new java.util.Random(1).nextBytes(random);
        Path zip = zip(Map.of("a.shp", random, "b.shp", random, "c.shp", random), StandardCharsets.UTF_8);
        Path into = Files.createDirectory(work.resolve("into"));
        ImportLimits limits = new ImportLimits(100 * MB, 2 * MB, 1000, 100, MB);
        assertThatThrownBy(() -> new UploadZip(limits).unpack(zip, into)).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("more than 2 MB");
    }

    @Test
    void theNumberOfEntriesIsLimited() throws IOException {
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) many.put("f" + i + ".txt", new byte[1]);
        Path zip = zip(many, StandardCharsets.UTF_8);
        ImportLimits limits = new ImportLimits(100 * MB, 100 * MB, 10, 100, MB);
        assertThatThrownBy(() -> new UploadZip(limits).unpack(zip, Files.createDirectory(work.resolve("into"))))
                .isInstanceOf(ImportRefused.class).hasMessageContaining("20 entries");
    }

    @Test
    void chineseEntryNamesWrittenInGbkAreRead() throws IOException {
        Path zip = zip(Map.of("禁燃区/禁燃区.cpg", "GBK".getBytes(StandardCharsets.US_ASCII)), Charset.forName("GBK"));
        Path into = Files.createDirectory(work.resolve("into"));
        List<Path> files = new UploadZip(ImportLimits.standard()).unpack(zip, into);
        assertThat(files).containsExactly(into.resolve("禁燃区/禁燃区.cpg"));
        try (Stream<Path> all = Files.walk(work)) {
            assertThat(all.filter(Files::isRegularFile).toList()).hasSize(2); // the zip and the one file
        }
    }

    @Test
    void aFileTwiceIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("a.shp"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("dir/../a.shp".replace("dir/../", "./")));
            out.closeEntry();
        }
        Path zip = Files.write(work.resolve("twice.zip"), bytes.toByteArray());
        assertThatThrownBy(() -> new UploadZip(ImportLimits.standard()).unpack(zip, Files.createDirectory(work.resolve("into"))))
                .isInstanceOf(ImportRefused.class).hasMessageContaining("twice");
    }

    private Path zip(Map<String, byte[]> entries, Charset names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return Files.write(Files.createTempFile(work, "upload", ".zip"), bytes.toByteArray());
    }
}
