package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
}
