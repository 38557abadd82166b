package airzone.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
            "15, 15",
            "15.0, 15",
            "0.5, 0.5",
            "-20, -20",
            "-0.0, 0",
            "300.25, 300.25",
            "1e20, 1.0E20",
            "NaN, NaN",
            "Infinity, Infinity",
    })
    void aWholeNumberHasNoDecimalPointAndAnyOtherReadsAsJavaPrintsIt(double value, String text) {
        assertThat(Numbers.plain(value)).isEqualTo(text);
    }

    @Test
    void kilometresHaveTwoDecimalsAndAPointInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.kilometres(12.3456)).isEqualTo("12.35");
            assertThat(Numbers.kilometres(3)).isEqualTo("3.00");
        } finally {
            Locale.setDefault(before);
        }
    }
}
