package airzone.io.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Encoding names as .cpg files and the encoding parameter give them, and strict decoding. */
class ImportTextEncodingTest {

    @Test
    void cpgContentsAsWritersPutThem() {
        for (String gbk : new String[]{"GBK", "gbk\r\n", "CP936", "936", "ANSI 936", "GB2312", "\uFEFFGBK"}) {
            assertThat(TextEncoding.cpg(gbk).orElseThrow().name()).as(gbk).isEqualTo("GBK");
        }
        for (String utf8 : new String[]{"UTF-8", "utf8", "65001"}) {
            assertThat(TextEncoding.cpg(utf8).orElseThrow().name()).as(utf8).isEqualTo("UTF-8");
        }
        assertThat(TextEncoding.cpg("GB18030").orElseThrow().charset()).isEqualTo(TextEncoding.GB18030);
        assertThat(TextEncoding.cpg("1252").orElseThrow().charset().name()).isEqualTo("windows-1252");
        assertThat(TextEncoding.cpg("88591").orElseThrow().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(TextEncoding.cpg("KLINGON")).isEmpty();
        assertThat(TextEncoding.cpg("GBK").orElseThrow().detectedFrom()).isEqualTo("cpg");
    }

    @Test
    void theParameterTakesUtf8AndTheChineseEncodingsOnly() {
        assertThat(TextEncoding.parameter("gbk").orElseThrow().detectedFrom()).isEqualTo("parameter");
        assertThat(TextEncoding.parameter("UTF-8")).isPresent();
        assertThat(TextEncoding.parameter("GB18030")).isPresent();
        assertThat(TextEncoding.parameter("KOI8-R")).isEmpty();
        assertThat(TextEncoding.parameter("ISO-8859-1")).isEmpty();
    }

    @Test
    void decodingIsStrict() {
        byte[] gbk = "禁燃区".getBytes(TextEncoding.GBK);
        assertThat(TextEncoding.utf8("guess").decode(gbk, 0, gbk.length)).isEmpty();
        assertThat(new TextEncoding(TextEncoding.GBK, "GBK", "guess").decode(gbk, 0, gbk.length)).contains("禁燃区");
        byte[] utf8 = "禁燃区".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncoding.utf8("guess").decode(utf8, 0, utf8.length)).contains("禁燃区");
    }
}
