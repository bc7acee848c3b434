package org.laymanlabs.backend.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.laymanlabs.backend.session.SandboxProperties;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.grading.Grader;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.StepRunner;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxJournal;
import org.laymanlabs.backend.storage.LaymanProperties;

/**
 * Issue #7: beginning a later step puts its starter files in place and strikes its faults, through
 * the sandbox's journal, so that a restored sandbox and a reset step come back the same.
 */
class LaterStepTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private static final String LAB = """
            apiVersion: laymanlabs.org/v1alpha1
            kind: Lab
            metadata:
              id: two-steps
              title: Two steps
              summary: A first step, and a second one that brings a file and stops a node.
              level: beginner
              minutes: 5
              order: 1
              concepts: [node]
            sandbox:
              seed: 3
            steps:
              - id: first
                title: First
                text: lesson/first.md
                checks:
                  - {kind: file, name: Notes exist, path: notes.txt, expect: {exists: true}}
                solution:
                  run: [touch notes.txt]
              - id: second
                title: Second
                text: lesson/second.md
                files:
                  - {from: starter/web.yaml, to: app/web.yaml}
                faults: [{stopNode: worker-2}]
                checks:
                  - {kind: file, name: The manifest is there, path: app/web.yaml, expect: {contains: "kind: Pod"}}
                solution:
                  run: [ls app/web.yaml]
            """;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private LabSandboxes labs;

    @BeforeEach
    void writeLab(@TempDir Path labsDir, @TempDir Path dataDir) throws IOException {
        Path folder = labsDir.resolve("two-steps");
        Files.createDirectories(folder.resolve("lesson"));
        Files.createDirectories(folder.resolve("starter"));
        Files.writeString(folder.resolve("lab.yaml"), LAB);
        Files.writeString(folder.resolve("lesson/first.md"), "# First\n");
        Files.writeString(folder.resolve("lesson/second.md"), "# Second\n");
        Files.writeString(folder.resolve("starter/web.yaml"), "kind: Pod\n");
        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, labsDir));
        assertThat(catalog.problems()).isEmpty();
        // No SandboxProperties bean: the lab's sandboxes get the default quotas, as in the app without settings.
        labs = new LabBindings().labSandboxes(catalog, new Grader(), new StepRunner(),
                new StaticListableBeanFactory().getBeanProvider(SandboxProperties.class));
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SandboxActor restore(SandboxJournal journal) {
        return SandboxActor.restore(journal, labs, pool, state -> { });
    }

    @Test
    void beginningTheSecondStepBringsItsStarterFileAndStopsItsNode() {
        SandboxActor actor = restore(SandboxJournal.fresh("two-steps", 3, START));
        assertThat(actor.run("ls app").join().stderr()).contains("No such file or directory");

        actor.beginStep("second").join();
        actor.tick(Duration.ofSeconds(60)).join();

        assertThat(actor.run("cat app/web.yaml").join().stdout()).isEqualTo("kind: Pod\n");
        assertThat(actor.run("kubectl get nodes").join().stdout()).containsPattern("worker-2\\s+NotReady");
    }

    @Test
    void aRestoredSandboxHasTheStepsFileAndFaultAndTheLearnersLaterEditOfIt() {
        SandboxActor actor = restore(SandboxJournal.fresh("two-steps", 3, START));
        actor.beginStep("second").join();
        actor.run("echo 'metadata: {name: web}' >> app/web.yaml").join();
        actor.tick(Duration.ofSeconds(60)).join();

        SandboxActor restored = restore(actor.journal().join());

        assertThat(restored.run("cat app/web.yaml").join().stdout()).isEqualTo("kind: Pod\nmetadata: {name: web}\n");
        assertThat(restored.run("kubectl get nodes").join().stdout()).containsPattern("worker-2\\s+NotReady");
    }

    @Test
    void resettingTheSecondStepBringsBackItsStarterFile() {
        SandboxActor actor = restore(SandboxJournal.fresh("two-steps", 3, START));
        actor.beginStep("second").join();
        actor.run("rm app/web.yaml").join();

        actor.resetTo(actor.journal().join().beforeStep("second")).join();

        assertThat(actor.run("cat app/web.yaml").join().stdout()).isEqualTo("kind: Pod\n");
    }

    @Test
    void theJournalSaysWhichStepsWereBegunAndTheLast() {
        SandboxActor actor = restore(SandboxJournal.fresh("two-steps", 3, START));
        assertThat(actor.journal().join().lastStepBegun()).isEmpty();

        actor.beginStep("second").join();

        SandboxJournal journal = actor.journal().join();
        assertThat(journal.began("second")).isTrue();
        assertThat(journal.began("first")).isFalse();
        assertThat(journal.lastStepBegun()).contains("second");
    }
}
