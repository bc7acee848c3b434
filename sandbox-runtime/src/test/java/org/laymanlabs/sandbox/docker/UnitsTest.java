package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

/** Cases from docker/go-units size_test.go and duration_test.go. */
@DisplayName("Human sizes and durations, as go-units prints them")
class UnitsTest {

    @ParameterizedTest
    @CsvSource({"0, 0B", "36, 36B", "1000, 1kB", "1620, 1.62kB", "2125, 2.12kB", "5580000, 5.58MB",
        "191988610, 192MB", "999900, 1e+03kB", "1000000000, 1GB"})
    void sizesHaveThreeSignificantDigitsInImageLists(long bytes, String shown) {
        assertThat(Units.humanSizeWithPrecision(bytes, 3)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"285299128, 285.3MB", "1024, 1.024kB", "8309109, 8.309MB"})
    void sizesHaveFourSignificantDigitsInDiskUsage(long bytes, String shown) {
        assertThat(Units.humanSize(bytes)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"0, Less than a second", "1, 1 second", "47, 47 seconds", "60, About a minute", "180, 3 minutes",
        "2140, 35 minutes", "3600, About an hour", "5340, About an hour", "5460, 2 hours", "86400, 24 hours",
        "172800, 2 days", "1141200, 13 days", "1209600, 2 weeks", "3801600, 6 weeks", "5184000, 2 months",
        "62208000, 24 months", "63417600, 2 years", "99792000, 3 years"})
    void durationsReadAsDockerSaysThem(long seconds, String shown) {
        assertThat(Units.humanDuration(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }
}
