package org.laymanlabs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerformanceReportPageTest {

    private static final String GENERATED = PerformanceReport.BEGIN + "\nnew table\n" + PerformanceReport.END;

    @Test
    void theFiguresReplaceOnlyTheTextBetweenTheMarkers() {
        String page = "# Performance\n\nprose\n\n" + PerformanceReport.BEGIN + "\nold table\n" + PerformanceReport.END
                + "\n\nmore prose\n";

        assertThat(PerformanceReport.rewrite(page, GENERATED))
                .isEqualTo("# Performance\n\nprose\n\n" + GENERATED + "\n\nmore prose\n");
    }

    @Test
    void aPageWithoutMarkersGetsTheFiguresAtItsEnd() {
        assertThat(PerformanceReport.rewrite("# Performance\n", GENERATED)).isEqualTo("# Performance\n\n" + GENERATED + "\n");
    }

    @Test
    void aMissedGoalSaysByHowMuchAndAMetOneSaysMet() {
        Figure slow = new Figure("creation", 56, 90, "ms", 40, 10, Optional.empty()).atMost(50);
        Figure fast = new Figure("creation", 42, 90, "ms", 40, 10, Optional.empty()).atMost(50);
        Figure rate = new Figure("scheduling", 1_500, 1_200, "pods/s", Double.NaN, 3, Optional.empty()).atLeast(2_000);

        assertThat(slow.row()).isEqualTo("| creation | 56.0 ms | 90.0 ms | 40.0 ms | 10 | ≤ 50.0 ms | **missed by 12%** |");
        assertThat(fast.row()).endsWith("| ≤ 50.0 ms | met |");
        assertThat(rate.row()).isEqualTo("| scheduling | 1,500 pods/s | 1,200 pods/s |  | 3 | ≥ 2,000 pods/s | **missed by 25%** |");
    }
}
