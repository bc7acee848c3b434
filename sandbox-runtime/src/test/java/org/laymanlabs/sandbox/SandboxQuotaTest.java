package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each of a sandbox's quotas (SandboxLimits), refused in the real tool's words, and changing nothing past it. */
class SandboxQuotaTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private static Sandbox sandbox(SandboxLimits limits) {
        return Sandbox.create(SandboxSpec.defaults(START).withLimits(limits));
    }

    @Nested
    @DisplayName("pods and objects")
    class Kubernetes {

        @Test
        void aMillionReplicaDeploymentStopsAtThePodQuotaWithTheQuotaErrorInItsEvents() {
            Sandbox sandbox = sandbox(SandboxLimits.DEFAULTS.withPods(40));
            sandbox.shell().run("kubectl create deployment web --image=nginx:1.27");
            CommandResult scaled = sandbox.shell().run("kubectl scale deploy web --replicas=1000000");
            assertThat(scaled.stdout()).isEqualTo("deployment.apps/web scaled\n");
            sandbox.clock().advance(Duration.ofSeconds(30));

            assertThat(sandbox.cluster().api().list(Pod.class, "")).hasSize(40);
            String events = sandbox.shell().run("kubectl get events --field-selector reason=FailedCreate").stdout();
            assertThat(events).containsPattern("Error creating: pods \"web-[a-z0-9]+-[a-z0-9]{5}\" is forbidden: exceeded quota: "
                    + "sandbox, requested: pods=1, used: pods=40, limited: pods=40");
        }

        @Test
        void aPodPastTheQuotaIsForbiddenAsByAResourceQuota() {
            int running = sandbox(SandboxLimits.DEFAULTS).cluster().api().list(Pod.class, "").size();
            Sandbox sandbox = sandbox(SandboxLimits.DEFAULTS.withPods(running + 1));
            assertThat(sandbox.shell().run("kubectl run one --image=nginx:1.27").exitCode()).isZero();

            CommandResult refused = sandbox.shell().run("kubectl run two --image=nginx:1.27");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).isEqualTo("Error from server (Forbidden): pods \"two\" is forbidden: exceeded quota: "
                    + "sandbox, requested: pods=1, used: pods=" + (running + 1) + ", limited: pods=" + (running + 1) + "\n");
            assertThat(sandbox.cluster().api().get(Pod.class, "default", "two")).isEmpty();
        }

        @Test
        void anObjectPastTheStoreQuotaIsRefusedAsEtcdRefusesAWriteWhenItsSpaceIsUsedUp() {
            Sandbox sandbox = sandbox(SandboxLimits.DEFAULTS.withObjects(10_000));
            int stored = countedObjects(sandbox);
            Sandbox full = sandbox(SandboxLimits.DEFAULTS.withObjects(stored + 1));
            assertThat(full.shell().run("kubectl create configmap one").exitCode()).isZero();

            CommandResult refused = full.shell().run("kubectl create configmap two");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).isEqualTo("Error from server (InternalError): etcdserver: mvcc: database space exceeded\n");
        }

        private int countedObjects(Sandbox sandbox) {
            return (int) org.laymanlabs.sandbox.kube.api.ApiResources.ALL.stream()
                    .filter(t -> !t.kind().equals("Event") && !t.kind().equals("Lease"))
                    .mapToLong(t -> sandbox.cluster().api().list(t, "").size()).sum();
        }
    }

    /** One sandbox with small quotas, shared by the tests of the laptop's own tools. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("the learner's machine")
    class Laptop {

        private final Sandbox sandbox = sandbox(new SandboxLimits(2_000, 150, 2, 1, 20_000_000_000L, 200, 1_000, 8_000,
                1 << 20, 20, 200_000));

        @Test
        void aContainerPastTheQuotaIsRefusedAsByAFullDiskAndNoneIsMade() {
            sandbox.shell().run("docker rm -f $(docker ps -aq)");
            assertThat(sandbox.shell().run("docker create --name one busybox sleep 60").exitCode()).isZero();
            assertThat(sandbox.shell().run("docker create --name two busybox sleep 60").exitCode()).isZero();
            String before = sandbox.shell().run("docker ps -a").stdout();

            CommandResult refused = sandbox.shell().run("docker create --name three busybox sleep 60");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).startsWith("docker: Error response from daemon: mkdir /var/lib/docker/containers: "
                    + "no space left on device (this sandbox holds at most 2 containers");
            assertThat(sandbox.shell().run("docker ps -a").stdout()).isEqualTo(before);
            sandbox.shell().run("docker rm -f one two");
        }

        @Test
        void anImagePastTheQuotaIsRefusedWholeAsByAFullDisk() {
            sandbox.shell().run("docker pull busybox");
            String before = sandbox.shell().run("docker images").stdout();

            CommandResult refused = sandbox.shell().run("docker pull alpine");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.terminal()).contains("no space left on device (this sandbox holds at most 1 images");
            assertThat(sandbox.shell().run("docker images").stdout()).isEqualTo(before);
        }

        @Test
        void aRulePastTheQuotaIsRefusedAsTheKernelRefusesABatchWithoutMemory() {
            int rules = (int) sandbox.shell().run("iptables-save").stdout().lines().filter(l -> l.startsWith("-A")).count();
            for (int i = rules; i < 200; i++) {
                assertThat(sandbox.shell().run("iptables -A INPUT -s 10.9.0." + (i % 250) + " -j DROP").exitCode()).isZero();
            }
            String before = sandbox.shell().run("iptables-save").stdout().replaceAll("(?m)^#.*\\n", "");

            CommandResult refused = sandbox.shell().run("iptables -A INPUT -s 10.9.9.9 -j DROP");

            assertThat(refused.exitCode()).isEqualTo(4);
            assertThat(refused.stderr()).isEqualTo("iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Cannot allocate memory): "
                    + "rule in chain INPUT\n");
            assertThat(sandbox.shell().run("iptables-save").stdout().replaceAll("(?m)^#.*\\n", "")).isEqualTo(before);
            assertThat(sandbox.shell().run("iptables -F INPUT").exitCode()).isZero();
        }

        @Test
        void aLongOutputIsCutAtTheQuotaWithANotice() {
            Shell shell = org.laymanlabs.sandbox.shell.CommandLineShell.withBuiltinsAnd(java.util.List.of()).limitingOutput(100);

            CommandResult result = shell.run("echo " + "x".repeat(150));

            assertThat(result.stdout()).isEqualTo("x".repeat(100));
            assertThat(result.stderr()).isEqualTo("\n[output truncated: a command may print at most 100 characters here; "
                    + "the rest was dropped]\n");
        }

        @Test
        void aWorkspaceFilePastItsQuotaIsRefusedAsBashsRedirectionIsRefusedPastTheFileSizeLimit() {
            sandbox.workspace().write("big.txt", "small\n");

            CommandResult refused = sandbox.shell().run("echo " + "y".repeat(1_200) + " > big.txt");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).isEqualTo("bash: /home/learner/big.txt: File too large\n");
            // bash's > truncates the file before the write that fails, as here.
            assertThat(sandbox.workspace().read("big.txt")).isEmpty();
        }
    }
}
