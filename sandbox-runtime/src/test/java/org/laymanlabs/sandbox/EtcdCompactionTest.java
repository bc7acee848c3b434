package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("kube-apiserver compacts etcd every five minutes, as a learner sees with etcdctl")
class EtcdCompactionTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    @Test
    void compactRevKeyHoldsTheRevisionRecordedAtThePreviousIntervalAndOlderRevisionsAreCompacted() {
        sandbox.clock().advance(Duration.ofMinutes(5));
        CommandResult first = run("etcdctl get compact_rev_key -w json");
        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).contains("\"version\":1");
        assertThat(run("etcdctl get compact_rev_key --print-value-only").stdout()).isEqualTo("0\n");

        sandbox.clock().advance(Duration.ofMinutes(5));
        String recorded = run("etcdctl get compact_rev_key --print-value-only").stdout().strip();
        assertThat(Long.parseLong(recorded)).isGreaterThan(2);

        CommandResult old = run("etcdctl get /registry/namespaces/default --rev=2");
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.stderr()).isEqualTo("Error: etcdserver: mvcc: required revision has been compacted\n");
        assertThat(run("etcdctl get /registry/namespaces/default --rev=" + recorded + " --keys-only").stdout())
                .isEqualTo("/registry/namespaces/default\n\n");
        assertThat(run("kubectl get namespace default -o name").stdout()).isEqualTo("namespace/default\n");
    }
}
