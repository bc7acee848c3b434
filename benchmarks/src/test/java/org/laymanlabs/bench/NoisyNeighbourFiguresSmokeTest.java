package org.laymanlabs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The noisy-neighbour figures measured once at their smallest (one round), so that their code
 * cannot rot before the harness's section for them runs. How fast is not asserted: the machine may
 * be busy; {@code NoisyNeighbourTest} asserts the rule in simulated time.
 */
class NoisyNeighbourFiguresSmokeTest {

    @Test
    void theNeighboursLatenciesAloneAndBesideAnAbuserAndTheirRatioAreMeasured() throws Exception {
        List<Figure> figures = NoisyNeighbourFigures.measure(1);

        assertThat(figures).hasSize(3);
        assertThat(figures).allSatisfy(f -> assertThat(f.median()).as(f.what()).isFinite().isPositive());
        assertThat(figures.get(2).row()).contains("| ≤ 2.00 ×");
    }
}
