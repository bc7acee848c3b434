package org.laymanlabs.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

class LockedLabSandboxTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private final MovableClock wall = new MovableClock(START);
    private final ScheduledExecutorService unusedTimer = Executors.newSingleThreadScheduledExecutor();
    private final LockedLabSandbox sandbox = new LockedLabSandbox("lab", Sandbox.create(SandboxSpec.defaults(START)),
            unusedTimer, wall);

    @AfterEach
    void stopTimer() {
        unusedTimer.shutdownNow();
    }

    @Test
    void aLineWritesItsOutputAndFinishesWithItsStatus() {
        StringBuilder out = new StringBuilder();
        TerminalLine line = sandbox.start("kubectl get nodes", (text, error) -> out.append(text));

        assertThat(line.finished()).isCompletedWithValue(0);
        assertThat(out).contains("control-plane   Ready", "worker-1", "worker-2");
        assertThat(sandbox.history()).containsExactly("kubectl get nodes");
    }

    @Test
    void aFollowingLinePrintsAsTheClockCatchesUpWithRealTimeUntilCtrlC() {
        StringBuilder out = new StringBuilder();
        TerminalLine watch = sandbox.start("kubectl get pods -w", (text, error) -> out.append(text));
        assertThat(watch.finished()).isNotDone();

        wall.advance(Duration.ofSeconds(1));
        sandbox.tick();
        assertThat(watch.finished()).isNotDone();
        watch.interrupt();

        assertThat(watch.finished()).isCompletedWithValue(130);
    }

    @Test
    void theMapShowsTheNodesAndThePodsOfADeploymentOnceTheyAreScheduled() {
        sandbox.start("kubectl create deployment web --image=nginx --replicas=2", (text, error) -> { });
        for (int i = 0; i < 30; i++) {
            wall.advance(Duration.ofSeconds(1));
            sandbox.tick();
        }

        ClusterPicture picture = sandbox.picture();

        assertThat(picture.nodes()).extracting(ClusterPicture.Node::name).containsExactly("control-plane", "worker-1", "worker-2");
        assertThat(picture.nodes().stream().flatMap(n -> n.pods().stream()))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.name()).startsWith("web-"));
        assertThat(picture.nodes().get(0).systemPods()).isGreaterThan(3);
    }

    @Test
    void aServiceIsLinkedToThePodsItsSelectorPicks() {
        sandbox.start("kubectl create deployment web --image=nginx --replicas=2", (text, error) -> { });
        sandbox.start("kubectl expose deployment web --port=80", (text, error) -> { });
        wall.advance(Duration.ofSeconds(5));
        sandbox.tick();

        ClusterPicture.Service web = sandbox.picture().services().stream().filter(s -> s.name().equals("web")).findFirst().orElseThrow();

        assertThat(web.selector()).containsEntry("app", "web");
        assertThat(web.pods()).hasSize(2);
    }

    @Test
    void clickingANodeShowsItsYaml() {
        assertThat(sandbox.inspect(new MapElement(MapElement.Kind.NODE, "", "worker-1")))
                .contains("kind: Node", "name: worker-1");
        assertThat(sandbox.inspect(new MapElement(MapElement.Kind.POD, "default", "nope")))
                .isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    }

    @Nested
    class Files {

        @Test
        void savedFilesAreWhatTheShellReads() {
            sandbox.save("app/web.yaml", "kind: Pod\n");
            StringBuilder out = new StringBuilder();
            sandbox.start("cat app/web.yaml", (text, error) -> out.append(text));

            assertThat(out.toString()).isEqualTo("kind: Pod\n");
            assertThat(sandbox.files()).containsExactly("app/web.yaml");
            assertThat(sandbox.read("app/web.yaml")).contains("kind: Pod\n");
        }

        @Test
        void aNameOutsideTheHomeFolderIsRefusedWithAReason() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.save("../etc/passwd", "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a file name inside your home folder");
        }
    }

    @Nested
    class Completion {

        @Test
        void completesCommandNamesFromTheSandboxHelp() {
            assertThat(sandbox.complete("kubec").line()).isEqualTo("kubectl ");
            assertThat(sandbox.complete("i").line()).isEqualTo("ip");
            assertThat(sandbox.complete("ip").candidates()).contains("ip", "iptables", "iptables-save");
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

    /** The wall clock, moved by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
