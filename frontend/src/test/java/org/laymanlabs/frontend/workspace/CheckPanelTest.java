package org.laymanlabs.frontend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.workspace.LabSandbox;

class CheckPanelTest {

    /** A checker of our own: the step passes once the learner has "fixed" it. */
    static final class FixableChecker implements WorkChecker {
        boolean fixed;

        @Override
        public CheckReport check(String labId, int step, LabSandbox sandbox) {
            return new CheckReport(List.of(new CheckReport.Result("deployment web has 3 ready replicas", fixed,
                    fixed ? "3 of 3 pods are ready." : "web has 2 ready replicas; scale it to 3.")));
        }

        @Override
        public List<String> hints(String labId, int step) {
            return List.of("Look at kubectl scale.", "kubectl scale deployment web --replicas=3");
        }
    }

    private final FixableChecker checker = new FixableChecker();
    private boolean movedOn;
    private final CheckPanel panel = new CheckPanel(checker, "lab", () -> 0, () -> null, () -> movedOn = true);

    @Test
    void aFailedCheckSaysWhatIsMissingAndOffersNoWayOn() {
        panel.check.click();

        assertThat(panel.results.getElement().getTextRecursively())
                .contains("✗ Not yet: ", "web has 2 ready replicas; scale it to 3.");
        assertThat(panel.next.isVisible()).isFalse();
    }

    @Test
    void aPassedCheckLeadsToTheNextStep() {
        checker.fixed = true;
        panel.check.click();
        panel.next.click();

        assertThat(panel.results.getElement().getTextRecursively()).contains("✓ Passed: ");
        assertThat(movedOn).isTrue();
    }

    @Test
    void hintsAreRevealedOneAtATime() {
        panel.hint.click();
        assertThat(panel.hints.getElement().getTextRecursively()).isEqualTo("Hint 1: Look at kubectl scale.");
        panel.hint.click();

        assertThat(panel.hints.getChildren()).hasSize(2);
        assertThat(panel.hint.isEnabled()).isFalse();
    }
}
