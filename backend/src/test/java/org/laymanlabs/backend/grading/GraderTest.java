package org.laymanlabs.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laymanlabs.sandbox.Fault;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.kube.api.ApiResources;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraderTest {

    private final Grader grader = new Grader();
    private Sandbox sandbox;

    @BeforeAll
    void aSandboxWithOneImage() {
        sandbox = Sandbox.create(new SandboxSpec(9, Instant.parse("2026-11-26T09:00:00Z")).withImages(List.of("busybox")));
    }

    private static Check image(String reference) {
        return new ImageCheck(reference + " is here", reference, true, OptionalInt.empty(), Optional.empty());
    }

    @Test
    void aStepIsCompleteWhenAllItsChecksPassAndEveryCheckRunsEvenAfterAFailure() {
        StepResult step = grader.grade("pull", List.of(image("nginx"), image("busybox")), sandbox);

        assertThat(step.checks()).extracting(CheckResult::verdict).containsExactly(Verdict.FAIL, Verdict.PASS);
        assertThat(step.complete()).isFalse();
        assertThat(grader.grade("pull", List.of(image("busybox")), sandbox).complete()).isTrue();
    }

    @Test
    void aLabIsCompleteWhenAllItsStepsAre() {
        Map<String, List<Check>> steps = new LinkedHashMap<>();
        steps.put("one", List.of(image("busybox")));
        steps.put("two", List.of(image("busybox:latest")));
        assertThat(grader.grade(steps, sandbox).complete()).isTrue();

        steps.put("three", List.of(image("alpine")));
        LabResult lab = grader.grade(steps, sandbox);
        assertThat(lab.steps()).extracting(StepResult::stepId).containsExactly("one", "two", "three");
        assertThat(lab.complete()).isFalse();
    }

    @Test
    void aCheckThatCannotLookAtTheSandboxFailsInsteadOfThrowing() throws Exception {
        Check broken = new ObjectCheck("broken", null, "default", Optional.empty(),
                ObjectExpression.predicate("true"), Optional.empty(), "anything");

        CheckResult result = grader.run(broken, sandbox);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).startsWith("The check could not look at the sandbox: ");
    }

    @Test
    void everyKindFailsWithAMessageOnABrokenSandbox() throws Exception {
        Sandbox broken = Sandbox.create(new SandboxSpec(9, Instant.parse("2026-11-26T09:00:00Z")).withFaults(List.of(
                new Fault.StopNode("worker-1"), new Fault.StopNode("worker-2"), new Fault.StopNode("control-plane"))));
        broken.shell().run("iptables -F");
        broken.shell().run("node-shell worker-1 iptables -t nat -F");
        List<Check> checks = List.of(
                new ObjectCheck("o", ApiResources.NODES, "", Optional.of("worker-1"),
                        ObjectExpression.predicate("has(object.spec.unschedulable)"),
                        Optional.empty(), "worker-1 cordoned"),
                new RequestCheck("r", new Origin.Node("worker-1"), "http://kubernetes/", Optional.empty(), 2,
                        OptionalInt.of(200), Optional.empty(), OptionalInt.of(2)),
                new TraceCheck("t", new Origin.Pod("gone"), "10.96.0.1", 443, Optional.of("KUBE-SVC-*"), Map.of()),
                new TraceCheck("t2", new Origin.Node("worker-1"), "10.96.0.1", 443, Optional.of("KUBE-SVC-*"), Map.of()),
                new ImageCheck("i", "no/such:thing", true, OptionalInt.empty(), Optional.of("ubuntu")),
                new ContainerCheck("c", Optional.empty(), Optional.of("NOT A REFERENCE"), Optional.of(ContainerStatus.RUNNING),
                        OptionalInt.empty(), OptionalInt.empty(), 1),
                new FileCheck("f", "missing/dir/file", true, Optional.of("x"), Optional.empty()),
                new HistoryCheck("h", Pattern.compile("kubectl"), "kubectl"));

        StepResult result = grader.grade("broken", checks, broken);

        assertThat(result.checks()).allSatisfy(check -> {
            assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(check.message()).startsWith("Expected ").contains(", but found ");
        });
    }
}
