package org.laymanlabs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The smoke run: every figure of the published page measured once at a tiny size, so that no
 * benchmark can rot between the runs that publish figures. Nothing here is timed against a goal.
 */
class PerformanceReportSmokeTest {

    @Test
    void everyFigureIsMeasuredOnceAtATinySizeAndWrittenAsATableRow() throws Exception {
        PerformanceReport report = new PerformanceReport(Sizes.SMOKE, Optional.empty());

        List<PerformanceReport.Section> sections = report.run();

        assertThat(sections).extracting(PerformanceReport.Section::title).containsExactly(
                "Netfilter (JMH, sample time)", "Warming up: the JIT of a long-running server", "A sandbox", "An idle cluster", "Commands at the prompt", "Convergence",
                "Snapshots and grading (backend)", "Scale", "Idle sandboxes", "A noisy neighbour", "The whole app: learners over HTTP");
        List<Figure> figures = sections.stream().flatMap(s -> s.figures().stream()).toList();
        assertThat(figures).hasSizeGreaterThanOrEqualTo(20);
        assertThat(figures).allSatisfy(f -> assertThat(f.median()).as(f.what()).isFinite().isGreaterThanOrEqualTo(0));
        // Two learners, one command each, both answered (how fast is not asserted: the machine may be busy).
        assertThat(sections.get(sections.size() - 1).notes())
                .containsPattern("\\| 2 \\| 2 \\| [0-9.,]+ ms \\| [0-9.,]+ ms \\| 0 \\|");
        String page = report.markdown(Instant.parse("2026-11-26T18:00:00Z"));
        assertThat(page).startsWith(PerformanceReport.BEGIN).endsWith(PerformanceReport.END)
                .contains("Measured from 2026-11-26T18:00:00Z on ", " cores (")
                .contains("| figure | median | p99 | CPU (median) | samples | goal | |");
        figures.forEach(f -> assertThat(page).contains(f.row()));
    }
}
