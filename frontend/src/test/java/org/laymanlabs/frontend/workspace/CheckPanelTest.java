package org.laymanlabs.frontend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPanelTest {

    /** A checker of our own: the step passes once the learner has "fixed" it; hints are counted. */
    static final class FixableChecker implements WorkChecker {
        static final List<String> HINTS = List.of("Look at kubectl scale.", "kubectl scale deployment web --replicas=3");
        boolean fixed;
        int revealed;

        @Override
        public CheckReport check(String stepId) {
            return new CheckReport(List.of(new CheckReport.Result("deployment web has 3 ready replicas", fixed,
                    fixed ? "3 of 3 pods are ready." : "web has 2 ready replicas; scale it to 3.")), Duration.ofMillis(12));
        }

        @Override
        public List<String> hints(String stepId) {
            return HINTS;
        }

        @Override
        public int hintsRevealed(String stepId) {
            return revealed;
        }

        @Override
        public String revealHint(String stepId) {
            return HINTS.get(revealed++);
        }
    }

    private final FixableChecker checker = new FixableChecker();
    private boolean movedOn;
    private final CheckPanel panel = new CheckPanel(checker, () -> "scale", () -> movedOn = true, Runnable::run);

    @Test
    void aFailedCheckSaysWhatIsMissingHowLongItTookAndOffersNoWayOn() {
        panel.reset();
        panel.check.click();

        assertThat(panel.results.getElement().getTextRecursively())
                .contains("✗ Not yet: ", "web has 2 ready replicas; scale it to 3.");
        assertThat(panel.timing.getText()).isEqualTo("Checked on the server in 12 ms.");
        assertThat(panel.next.isVisible()).isFalse();
    }

    @Test
    void aPassedCheckLeadsToTheNextStep() {
        panel.reset();
        checker.fixed = true;
        panel.check.click();
        panel.next.click();

        assertThat(panel.results.getElement().getTextRecursively()).contains("✓ Passed: ");
        assertThat(movedOn).isTrue();
    }

    @Test
    void hintsAreRevealedOneAtATimeAndCounted() {
        panel.reset();
        panel.hint.click();
        assertThat(panel.hints.getElement().getTextRecursively()).isEqualTo("Hint 1: Look at kubectl scale.");
        panel.hint.click();

        assertThat(panel.hints.getChildren()).hasSize(2);
        assertThat(checker.revealed).isEqualTo(2);
        assertThat(panel.hint.isEnabled()).isFalse();
    }

    @Test
    void hintsRevealedBeforeAReloadAreShownAgainWithoutCountingThemTwice() {
        checker.revealed = 1;

        panel.reset();

        assertThat(panel.hints.getElement().getTextRecursively()).isEqualTo("Hint 1: Look at kubectl scale.");
        assertThat(panel.hint.getText()).isEqualTo("Another hint (1 left)");
        assertThat(checker.revealed).isEqualTo(1);
    }
}
