package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexGuardTest {

    private final RegexGuard guard = new RegexGuard(16);

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # pattern      | value      | found: a search, like re.search, not a full match
            ^prod          | production | true
            prod           | preprod    | true
            ^prod$         | production | false
            duct           | production | true
            (?i)PROD       | production | true
            ^v\\d+$        | v12        | true
            ``             | anything   | true
            """)
    void matchIsASearch(String regex, String value, boolean found) {
        assertThat(RegexGuard.find(guard.compile(regex, "alias.$regex"), value, Field.ALIAS)).isEqualTo(found);
    }

    @Test
    void patternsAreCompiledOnce() {
        Pattern first = guard.compile("^prod.*", "alias.$regex");

        assertThat(guard.compile(new String("^prod.*"), "display_name.$regex")).isSameAs(first);
    }

    @ParameterizedTest(name = "{0} on {1} a''s")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # pattern         | a's before a final '!'
            (a+)+$            | 5000
            (.*a){12}$        | 30
            (a*)*b$           | 2000
            ^(\\w+\\s?)*$     | 2000
            (a{1,30}){1,30}$  | 30
            """)
    void catastrophicBacktrackingIsAbandonedQuickly(String regex, int length) {
        Pattern pattern = guard.compile(regex, "alias.$regex");
        String value = "a".repeat(length) + "!";

        long start = System.nanoTime();
        assertThatThrownBy(() -> RegexGuard.find(pattern, value, Field.ALIAS))
                .isInstanceOf(RegexTooExpensiveException.class)
                .hasMessage("regex " + regex + " on alias was too expensive: matching a " + (length + 1)
                        + "-character value was abandoned after 1,000,000 steps");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void linearPatternOnALongValueStaysWithinBudget() {
        String value = "x".repeat(100_000) + "production";

        assertThat(RegexGuard.find(guard.compile("prod[a-z]+$", "alias.$regex"), value, Field.ALIAS)).isTrue();
    }

    @Test
    void overlongPatternIsRejected() {
        assertThatThrownBy(() -> guard.compile("a".repeat(1001), "alias.$regex"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("$regex at alias.$regex is longer than 1000 characters");
    }

    @Test
    void invalidPatternIsRejectedAndNotCached() {
        assertThatThrownBy(() -> guard.compile("[a-", "alias.$regex"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("Invalid $regex at alias.$regex: Illegal character range near index 3 of [a-");
        assertThatThrownBy(() -> guard.compile("[a-", "tag.$regex"))
                .hasMessageStartingWith("Invalid $regex at tag.$regex");
    }
}
