package org.laymanlabs.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.session.HistoryLine;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxJournal;
import org.laymanlabs.backend.session.ShellLab;

/** The workspace's sandbox over a session actor: every input journaled, queries changing nothing. */
class SessionLabSandboxTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final SandboxActor actor = SandboxActor.restore(SandboxJournal.fresh("lab", 7, START), new ShellLab(), pool,
            state -> { });
    private final SessionLabSandbox sandbox = new SessionLabSandbox(() -> actor);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private void run(String line) {
        sandbox.start(line, (text, error) -> { }).finished().join();
    }

    @Test
    void aLineWritesItsOutputAndFinishesWithItsStatusAndEntersTheScrollback() {
        StringBuilder out = new StringBuilder();
        TerminalLine line = sandbox.start("kubectl get nodes", (text, error) -> out.append(text));

        assertThat(line.finished().join()).isZero();
        assertThat(out).contains("control-plane   Ready", "worker-1", "worker-2");
        assertThat(sandbox.scrollback()).extracting(HistoryLine::line).containsExactly("kubectl get nodes");
        assertThat(actor.journal().join().entries()).hasSize(1);
    }

    @Test
    void aWatchPrintsAsTheSessionsClockMovesUntilCtrlC() {
        run("kubectl create deployment web --image=nginx");
        StringBuilder out = new StringBuilder();
        TerminalLine watch = sandbox.start("kubectl get pods -w", (text, error) -> append(out, text));
        int before = length(out);

        actor.tick(Duration.ofSeconds(5)).join();
        assertThat(watch.finished()).isNotDone();
        assertThat(length(out)).isGreaterThan(before);
        watch.interrupt();

        assertThat(watch.finished().join()).isEqualTo(130);
        assertThat(sandbox.scrollback()).extracting(HistoryLine::line).contains("kubectl get pods -w");
    }

    @Test
    void dockerLogsFollowsUntilCtrlCAndAnotherLineIsRefusedMeanwhile() {
        run("docker pull laymanlabs/slow-start");
        run("docker run -d --name slow -e READY_AFTER=2s laymanlabs/slow-start");
        StringBuilder out = new StringBuilder();
        TerminalLine follow = sandbox.start("docker logs -f slow", (text, error) -> append(out, text));
        actor.tick(Duration.ofSeconds(3)).join();
        synchronized (out) {
            assertThat(out.toString()).isEqualTo("slow-start: warming up, ready in 2s\n"
                    + "slow-start: ready, listening on :8080\n");
        }

        assertThatThrownBy(() -> sandbox.start("echo hi", (text, error) -> { }).finished().join())
                .hasMessageContaining("is still running in the terminal: press Ctrl-C");
        sandbox.interrupt();

        assertThat(follow.finished().join()).isEqualTo(130);
    }

    @Test
    void theMapShowsThePodsOfADeploymentOnceTheyAreScheduled() {
        run("kubectl create deployment web --image=nginx --replicas=2");
        actor.tick(Duration.ofSeconds(30)).join();

        ClusterPicture picture = sandbox.picture();

        assertThat(picture.nodes()).extracting(ClusterPicture.Node::name).containsExactly("control-plane", "worker-1", "worker-2");
        assertThat(picture.nodes().stream().flatMap(n -> n.pods().stream()))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.name()).startsWith("web-"));
    }

    @Test
    void clickingANodeShowsItsYamlWithoutAJournalEntry() {
        assertThat(sandbox.inspect(new MapElement(MapElement.Kind.NODE, "", "worker-1")))
                .contains("kind: Node", "name: worker-1");
        assertThat(actor.journal().join().entries()).isEmpty();
    }

    @Nested
    class Files {

        @Test
        void aSavedFileIsJournaledAndIsWhatTheShellReads() {
            sandbox.save("app/web.yaml", "kind: Pod\n");
            StringBuilder out = new StringBuilder();
            sandbox.start("cat app/web.yaml", (text, error) -> out.append(text)).finished().join();

            assertThat(out.toString()).isEqualTo("kind: Pod\n");
            assertThat(sandbox.files()).containsExactly("app/web.yaml");
            assertThat(sandbox.read("app/web.yaml")).contains("kind: Pod\n");
            assertThat(actor.journal().join().entries()).hasSize(2);
        }

        @Test
        void aNameOutsideTheHomeFolderIsRefusedWithAReasonAndNothingIsJournaled() {
            assertThatThrownBy(() -> sandbox.save("../etc/passwd", "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a file name inside your home folder");
            assertThat(actor.journal().join().entries()).isEmpty();
        }
    }

    @Nested
    class Completion {

        @Test
        void completesCommandNamesWithoutTouchingTheLearnersHistory() {
            assertThat(sandbox.complete("kubec").line()).isEqualTo("kubectl ");
            assertThat(sandbox.complete("ip").candidates()).contains("ip", "iptables", "iptables-save");
            assertThat(actor.query(s -> s.history()).join()).isEmpty();
        }

        @Test
        void completesSubcommandsResourceTypesAndNames() {
            assertThat(sandbox.complete("kubectl sca").line()).isEqualTo("kubectl scale ");
            assertThat(sandbox.complete("kubectl get depl").line()).isEqualTo("kubectl get deploy");
            assertThat(sandbox.complete("kubectl describe node worker-").candidates()).containsExactly("worker-1", "worker-2");
        }

        @Test
        void completesFlagsAndWorkspaceFiles() {
            sandbox.save("web.yaml", "");
            assertThat(sandbox.complete("kubectl apply -f w").line()).isEqualTo("kubectl apply -f web.yaml ");
            assertThat(sandbox.complete("kubectl get pods --all-name").line()).isEqualTo("kubectl get pods --all-namespaces ");
        }
    }

    private static int length(StringBuilder out) {
        synchronized (out) {
            return out.length();
        }
    }

    private static void append(StringBuilder out, String text) {
        synchronized (out) {
            out.append(text);
        }
    }
}
