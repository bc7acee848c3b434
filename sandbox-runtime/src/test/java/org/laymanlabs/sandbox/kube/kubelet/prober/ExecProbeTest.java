package org.laymanlabs.sandbox.kube.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pkg/probe/exec with kubecontainer.ExpandContainerCommandOnlyStatic. */
class ExecProbeTest {

    @Test
    void referencesToLiteralEnvVariablesAreExpandedAndOthersKept() {
        List<EnvVar> env = List.of(new EnvVar("PORT", "8080", null),
                new EnvVarBuilder().withName("TOKEN").withNewValueFrom().withNewSecretKeyRef("token", "api", false).endValueFrom().build());
        assertThat(ExecProbe.expand(List.of("wget", "-qO-", "localhost:$(PORT)/ready", "$(TOKEN)", "$(MISSING)", "$$(PORT)", "$5", "$(open"),
                env)).containsExactly("wget", "-qO-", "localhost:8080/ready", "", "$(MISSING)", "$(PORT)", "$5", "$(open");
    }

    @Test
    void exitCodeZeroSucceedsAndOtherCodesFailWithTheOutput() {
        FakeTarget target = new FakeTarget(new org.laymanlabs.sandbox.time.VirtualClock(java.time.Instant.EPOCH));
        var web = new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("web").build();
        target.exec = ProbeTarget.ExecOutcome.exited(0, "ok\n");
        assertThat(ExecProbe.probe(target, List.of("true"), web, "c0", java.time.Duration.ofSeconds(1)).kind())
                .isEqualTo(ProbeOutcome.Kind.SUCCESS);
        target.exec = ProbeTarget.ExecOutcome.exited(2, "x".repeat(11_000));
        ProbeOutcome failed = ExecProbe.probe(target, List.of("false"), web, "c0", java.time.Duration.ofSeconds(1));
        assertThat(failed.kind()).isEqualTo(ProbeOutcome.Kind.FAILURE);
        assertThat(failed.output()).as("at most 10 KiB of output").hasSize(10_240);
    }
}
