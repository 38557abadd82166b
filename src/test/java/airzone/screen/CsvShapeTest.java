package airzone.screen;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-pass has to agree with the parser that reads the rows afterwards, so Commons CSV itself is
 * the oracle: for random texts over the characters that matter, CsvShape finds a problem exactly when
 * Commons CSV fails, and otherwise counts the records Commons CSV returns.
 */
class CsvShapeTest {

    /** The batch format without its header handling, so duplicate or empty names are no failures here. */
    private static final CSVFormat RECORDS = CsvRows.FORMAT.builder().setHeader((String[]) null).setSkipHeaderRecord(false).get();

    private static final String ALPHABET = "a,\" \r\n\t";

    @Test
    void agreesWithCommonsCsvOnTwentyThousandRandomTexts() throws IOException {
        Random random = new Random(13);
        int failures = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            String csv = text.toString();
            Long oracle = commonsCsvRecords(csv);
            CsvShape shape = CsvShape.of(new StringReader(csv), Long.MAX_VALUE);
            assertThat(shape.problem == null).as("problem for %s: %s", visible(csv), shape.problem).isEqualTo(oracle != null);
            if (oracle == null) {
                failures++;
            } else {
                assertThat(shape.records).as("records in %s", visible(csv)).isEqualTo(oracle);
            }
        }
        assertThat(failures).as("texts Commons CSV refuses, so both branches are exercised").isBetween(2_000, 18_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name,lon,lat\\na,1,2\\n|2|12|1",
            "name\\r\\n\\r\\nlongest one\\r\\nb|3|11|3",
            "\"multi\\nline\",x\\nb|2|14|1"})
    void countsRecordsAndFindsTheLongest(String escaped, long records, long longest, long longestLine) throws IOException {
        CsvShape shape = CsvShape.of(new StringReader(escaped.replace("\\r", "\r").replace("\\n", "\n")), Long.MAX_VALUE);
        assertThat(shape.problem).isNull();
        assertThat(shape.records).isEqualTo(records);
        assertThat(shape.longest).isEqualTo(longest);
        assertThat(shape.longestLine).isEqualTo(longestLine);
    }

    @Test
    void namesTheLineOfAnUnclosedQuoteAndOfTextAfterAClosingQuote() throws IOException {
        assertThat(CsvShape.of(new StringReader("a\nb\n\"c,d\ne\n"), Long.MAX_VALUE).problem).isEqualTo("the quoted value opened on line 3 is never closed");
        assertThat(CsvShape.of(new StringReader("a\n\"b\nc\"d\n"), Long.MAX_VALUE).problem).startsWith("line 3: 'd' follows the closing quote");
    }

    /** The records Commons CSV returns, or null when it fails. */
    private static Long commonsCsvRecords(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, RECORDS)) {
            long records = 0;
            for (CSVRecord ignored : parser) records++;
            return records;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static String visible(String csv) {
        return "[" + csv.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "]";
    }
}
