package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;

class SandboxActorTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final List<SandboxState> saved = new ArrayList<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SandboxActor fresh() {
        return SandboxActor.restore(SandboxJournal.fresh("demo", 42, START), new ShellLab(), pool, saved::add);
    }

    @Test
    void linesFromTwoTabsAtOnceRunOneAfterTheOtherAndEachIsJournaled() {
        SandboxActor actor = fresh();
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        List<Thread> tabs = new ArrayList<>();
        for (String tab : List.of("a", "b")) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    CompletableFuture<CommandResult> result = actor.run("echo " + tab + i + " >> /home/learner/log.txt");
                    synchronized (results) {
                        results.add(result);
                    }
                }
            });
            thread.start();
            tabs.add(thread);
        }
        tabs.forEach(SandboxActorTest::join);
        results.forEach(CompletableFuture::join);

        String log = actor.run("cat log.txt").join().stdout();
        assertThat(log.lines()).hasSize(40).doesNotHaveDuplicates();
        assertThat(actor.journal().join().entries()).hasSize(41);
        assertThat(saved).hasSize(41);
    }

    @Test
    void aQueryWaitsForTheCommandsQueuedBeforeIt() {
        SandboxActor actor = fresh();
        actor.run("docker run -d --name web nginx");

        assertThat(actor.query(sandbox -> sandbox.shell().run("docker ps -q").stdout()).join()).isNotBlank();
    }

    @Test
    void aTickMovesTheSandboxClockAndTheJournalsPresent() {
        SandboxActor actor = fresh();
        actor.tick(Duration.ofSeconds(90)).join();

        assertThat(actor.journal().join().now()).isEqualTo(START.plusSeconds(90));
        assertThat(actor.query(sandbox -> sandbox.clock().now()).join()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void aLineStartedFromATerminalFollowsUntilInterruptedAndThenEntersTheHistory() {
        SandboxActor actor = fresh();
        actor.run("docker run -d --name web nginx").join();
        StringBuilder screen = new StringBuilder();
        CompletableFuture<CommandResult> following = actor.start("docker logs -f web", (stream, text) -> screen.append(text));
        actor.tick(Duration.ofSeconds(5)).join();

        assertThat(following).isNotDone();
        actor.interrupt().join();
        assertThat(following.join().exitCode()).isEqualTo(130);
        assertThat(screen.toString()).contains("start worker processes");
        assertThat(actor.history().join()).extracting(HistoryLine::line)
                .containsExactly("docker run -d --name web nginx", "docker logs -f web");
    }

    @Test
    void aLineTypedWhileAnotherFollowsIsRefusedAndNotJournaled() {
        SandboxActor actor = fresh();
        actor.run("docker run -d --name web nginx").join();
        actor.start("docker logs -f web", (stream, text) -> { });

        assertThatThrownBy(() -> actor.run("docker ps").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InputRejected.class)
                .hasMessageContaining("'docker logs -f web' is still running in the terminal");
        assertThat(actor.journal().join().entries()).hasSize(2);
    }

    @Test
    void anEditorSaveMakesTheFoldersAndTheShellSeesTheFile() {
        SandboxActor actor = fresh();
        actor.writeFile("/home/learner/app/index.html", "<h1>hi</h1>\n").join();

        assertThat(actor.run("cat app/index.html").join().output())
                .containsExactly(new OutputChunk(OutputChunk.Stream.STDOUT, "<h1>hi</h1>\n"));
    }

    @Test
    void aRelativeEditorPathIsRefusedWithTheReason() {
        SandboxActor actor = fresh();

        assertThatThrownBy(() -> actor.writeFile("web.yaml", "x").join())
                .hasCauseInstanceOf(InputRejected.class)
                .hasMessageContaining("web.yaml: a workspace path must be absolute, e.g. /home/learner/web.yaml");
        assertThat(actor.journal().join().entries()).isEmpty();
    }

    @Test
    void checksRunThroughTheGraderOnTheSandboxThread() {
        SandboxActor actor = fresh();
        assertThat(actor.check("web").join()).extracting(LabSandboxes.CheckOutcome::passed).containsExactly(false);
        actor.run("docker run -d --name web nginx").join();

        assertThat(actor.check("web").join()).singleElement()
                .isEqualTo(new LabSandboxes.CheckOutcome("web-runs", true, "container web is running"));
    }

    @Test
    void resettingAStepReplaysUpToWhereTheStepBegan() {
        SandboxActor actor = fresh();
        actor.run("docker run -d --name web nginx").join();
        actor.beginStep("second").join();
        actor.run("docker rm -f web").join();
        actor.writeFile("/home/learner/extra.txt", "x").join();

        actor.resetTo(actor.journal().join().beforeStep("second")).join();

        assertThat(actor.run("docker ps --format '{{.Names}}'").join().stdout()).isEqualTo("web\n");
        assertThat(actor.run("ls").join().stdout()).isEmpty();
    }

    @Test
    void aSandboxThatThrowsIsRebuiltWithoutTheInputThatBrokeIt() {
        LabSandboxes throwsOnBoom = new ShellLab() {
            @Override
            public List<CheckOutcome> check(String labId, String stepId, org.laymanlabs.sandbox.Sandbox sandbox) {
                if (stepId.equals("boom")) {
                    sandbox.shell().run("docker rm -f web");
                    throw new IllegalStateException("a bug in a check");
                }
                return super.check(labId, stepId, sandbox);
            }
        };
        SandboxActor actor = SandboxActor.restore(SandboxJournal.fresh("demo", 42, START), throwsOnBoom, pool, saved::add);
        actor.run("docker run -d --name web nginx").join();

        assertThatThrownBy(() -> actor.check("boom").join())
                .hasCauseInstanceOf(SandboxFailure.class)
                .hasMessageContaining("the sandbox failed on 'Graded' and was restored to its state before it");
        assertThat(actor.journal().join().entries()).hasSize(1);
        assertThat(actor.run("docker ps --format '{{.Names}}'").join().stdout()).isEqualTo("web\n");
    }

    @Test
    void aSnapshotThatCannotBeRestoredIsRefusedWithTheReasonAndTheActorStillAnswers() {
        LabSandboxes gone = new ShellLab() {
            @Override
            public org.laymanlabs.sandbox.Sandbox create(String labId, long seed, Instant startTime) {
                throw new IllegalArgumentException("lab " + labId + " is no longer in the catalog");
            }
        };
        SandboxActor actor = SandboxActor.restore(SandboxJournal.fresh("demo", 42, START), gone, pool, saved::add);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> actor.run("ls").join())
                    .hasMessageContaining("this sandbox could not be restored from its snapshot "
                            + "(lab demo is no longer in the catalog): reset the lab to start afresh");
        }
        assertThat(saved).isEmpty();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
