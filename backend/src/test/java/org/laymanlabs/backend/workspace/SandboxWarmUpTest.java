package org.laymanlabs.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.Level;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/** The start-up warm-up: one throw-away sandbox of the first lab, used as a learner's first minutes would. */
class SandboxWarmUpTest {

    /** Builds kubeadm's default cluster for any lab and keeps what it built. */
    private static final class RecordingLabs implements LabSandboxes {
        final List<String> labIds = new ArrayList<>();
        final List<Sandbox> built = new ArrayList<>();

        @Override
        public Sandbox create(String labId, long seed, Instant startTime) {
            labIds.add(labId);
            Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(startTime));
            built.add(sandbox);
            return sandbox;
        }

        @Override
        public List<CheckOutcome> check(String labId, String stepId, Sandbox sandbox) {
            return List.of();
        }
    }

    private static final LabCatalog CATALOG = new LabCatalog(List.of(
            new Lab("first-steps", "First steps", "", Level.BEGINNER, 10, List.of("pod"), 1)));

    @Test
    void theWarmUpRunsALearnersFirstCommandsInASandboxOfTheFirstLabAndSaysWhenItIsOver() {
        RecordingLabs labs = new RecordingLabs();
        SandboxWarmUp warmUp = new SandboxWarmUp(true, CATALOG, labs);

        warmUp.warmUp();

        assertThat(warmUp.finished()).isDone();
        assertThat(labs.labIds).containsExactly("first-steps");
        Sandbox used = labs.built.get(0);
        assertThat(used.workspace().read("notes.txt")).isEqualTo("warm\n");
        assertThat(used.shell().run("kubectl get deployment warm-up -o name").stdout()).isEqualTo("deployment.apps/warm-up\n");
    }

    @Test
    void switchedOffItBuildsNothingAndIsOverAtOnce() {
        RecordingLabs labs = new RecordingLabs();
        SandboxWarmUp warmUp = new SandboxWarmUp(false, CATALOG, labs);

        warmUp.start();

        assertThat(warmUp.finished()).isDone();
        assertThat(labs.labIds).isEmpty();
    }
}
