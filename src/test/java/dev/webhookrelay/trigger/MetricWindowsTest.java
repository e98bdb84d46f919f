package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricWindowsTest {

    @ParameterizedTest(name = "{0} shown as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # value                | shown: 6 significant digits, no trailing zeros
            0.54                   | 0.54
            0.5399999999999999     | 0.54
            0.6000000000000001     | 0.6
            1.0                    | 1
            -0.0                   | 0
            100.0                  | 100
            2.23606797749979       | 2.23607
            123456789.0            | 123457000
            1e-9                   | 1E-9
            1e20                   | 1E+20
            Infinity               | Infinity
            -Infinity              | -Infinity
            NaN                    | NaN
            """)
    void numbersAreShownShortly(double value, String shown) {
        assertThat(MetricWindows.format(value)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # a                    | b         | sign of compare: equal within a relative 1e-9
            0.30000000000000004    | 0.3       | 0
            0.09999999999999998    | 0.1       | 0
            0.3001                 | 0.3       | 1
            1e-300                 | 0         | 1
            0                      | -1e-300   | 1
            Infinity               | Infinity  | 0
            Infinity               | 1e308     | 1
            -Infinity              | -1e308    | -1
            """)
    void comparisonToleratesBinaryRounding(double a, double b, int sign) {
        assertThat(Integer.signum(MetricWindows.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(MetricWindows.compare(b, a))).isEqualTo(-sign);
    }
}
