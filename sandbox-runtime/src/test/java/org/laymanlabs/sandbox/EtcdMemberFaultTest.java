package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.MemberView;

@DisplayName("A lab's faults stop and start etcd members")
class EtcdMemberFaultTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    private MemberView leader() {
        return sandbox.cluster().etcd().leader().orElseThrow();
    }

    @Test
    void withTheLeaderStoppedTheOtherTwoElectANewOneInAHigherTermAndWritesGoOn() {
        MemberView old = leader();

        sandbox.inject(new Fault.StopEtcdMember(old.name()));
        sandbox.clock().advance(Duration.ofSeconds(5));

        MemberView now = leader();
        assertThat(now.name()).isNotEqualTo(old.name());
        assertThat(now.term()).isGreaterThan(old.term());
        CommandResult status = run("etcdctl endpoint status -w table");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.stdout()).contains("| " + now.hexId() + " |").contains("|      true |")
                .doesNotContain(old.hexId());
        assertThat(status.stderr()).isEqualTo("Failed to get the status of endpoint " + old.clientUrl()
                + " (context deadline exceeded)\n");
        assertThat(run("kubectl create configmap after --from-literal=leader=" + now.hexId()).stdout())
                .isEqualTo("configmap/after created\n");
    }

    @Test
    void withTwoOfThreeStoppedWritesFailAndStartingOneAgainHealsTheCluster() {
        String first = leader().name();
        sandbox.inject(new Fault.StopEtcdMember(first));
        sandbox.clock().advance(Duration.ofSeconds(5));
        String second = leader().name();
        sandbox.inject(new Fault.StopEtcdMember(second));
        sandbox.clock().advance(Duration.ofSeconds(5));

        CommandResult refused = run("kubectl create configmap lost --from-literal=a=b");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("etcdserver: request timed out");
        assertThat(run("etcdctl put greeting hello").stderr()).isEqualTo("Error: context deadline exceeded\n");

        sandbox.inject(new Fault.StartEtcdMember(first));
        sandbox.clock().advance(Duration.ofSeconds(5));

        assertThat(sandbox.cluster().etcd().leader()).isPresent();
        assertThat(run("kubectl create configmap back --from-literal=a=b").stdout()).isEqualTo("configmap/back created\n");
        assertThat(run("kubectl get configmap lost").stderr())
                .isEqualTo("Error from server (NotFound): configmaps \"lost\" not found\n");
    }

    @Test
    void aMemberThatDoesNotExistIsRefusedWithTheMembersNames() {
        assertThatThrownBy(() -> sandbox.inject(new Fault.StopEtcdMember("etcd-9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot stop member etcd-9: the members are [etcd-0, etcd-1, etcd-2]");
        assertThat(sandbox.cluster().etcd().members()).hasSize(3).allMatch(MemberView::running);
    }

    @Test
    void aDockerOnlySandboxHasNoEtcdToStop() {
        Sandbox docker = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z"))
                .withCluster(org.laymanlabs.sandbox.kube.ClusterSpec.none()));
        assertThatThrownBy(() -> docker.inject(new Fault.StopEtcdMember("etcd-0")))
                .hasMessageContaining("no Kubernetes cluster");
    }
}
