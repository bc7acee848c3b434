package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.laymanlabs.backend.grading.Grader;
import org.laymanlabs.backend.grading.LabResult;
import org.laymanlabs.backend.grading.StepResult;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;

/**
 * The lab self-test (DESIGN.md, "Labs"): for every lab in labs/, start its sandbox and, step by
 * step in order, see each check fail on the state before the step, apply the step's reference
 * solution, and see every check pass. A check that cannot fail is a bug in the lab.
 */
class LabSelfTest {

    private final Grader grader = new Grader();
    private final StepRunner steps = new StepRunner();

    @TestFactory
    Stream<DynamicContainer> everyLabFailsBeforeEachStepAndPassesAfterItsSolution() throws IOException {
        List<Path> labs;
        try (Stream<Path> folders = Files.list(ValidateLabsTest.LABS)) {
            labs = folders.filter(f -> Files.isRegularFile(f.resolve("lab.yaml"))).sorted().toList();
        }
        assertThat(labs).isNotEmpty();
        return labs.stream().map(folder -> DynamicContainer.dynamicContainer(folder.getFileName().toString(),
                Stream.of(DynamicTest.dynamicTest("fails before and passes after each step", () -> selfTest(folder)))));
    }

    private void selfTest(Path folder) {
        LabValidator.Outcome outcome = LabValidator.validate(folder);
        assertThat(outcome.problems()).as("problems of %s", outcome.file()).isEmpty();
        LabDefinition lab = outcome.definition().orElseThrow();
        Sandbox sandbox = Sandbox.create(lab.sandbox());
        List<StepResult> completed = new ArrayList<>();
        for (Step step : lab.steps()) {
            steps.begin(step, sandbox);
            StepResult before = grader.grade(step.id(), step.checks(), sandbox);
            assertThat(before.checks()).as("step %s: every check must fail before its solution", step.id())
                    .allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isFalse());

            List<CommandResult> typed = steps.solve(step, sandbox);
            for (int i = 0; i < typed.size(); i++) {
                assertThat(typed.get(i).exitCode()).as("step %s, solution line '%s' printed:%n%s", step.id(),
                        step.solution().run().get(i), typed.get(i).terminal()).isZero();
            }
            StepResult after = grader.grade(step.id(), step.checks(), sandbox);
            assertThat(after.checks()).as("step %s: every check must pass after its solution", step.id())
                    .allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isTrue());
            assertThat(after.complete()).isTrue();
            completed.add(after);
        }
        // A later step may undo what an earlier one checked (stopping a container); steps stay complete once passed.
        assertThat(new LabResult(completed).complete()).isTrue();
    }
}
