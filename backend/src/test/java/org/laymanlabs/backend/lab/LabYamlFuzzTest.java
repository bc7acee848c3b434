package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.Fuzz;

/**
 * An instructor's lab.yaml, mangled: the validator answers every one with a lab or with problems
 * that each name the file, a line and a column inside it, and never throws.
 */
class LabYamlFuzzTest {

    @TempDir
    Path labs;

    @Test
    void tenThousandLabYamlsAreEachALabOrProblemsAtAFileLineAndColumn() throws IOException {
        Path folder = labs.resolve("labs/web");
        Files.createDirectories(folder.resolve("steps"));
        Files.writeString(folder.resolve("steps/run.md"), "# Run nginx\n");
        int[] outcomes = new int[2];
        Fuzz.run(10_000, List.of(LabValidatorTest.VALID), yaml -> {
            LabValidator.Outcome outcome = LabValidator.validate(folder(folder, yaml));
            outcomes[outcome.valid() ? 0 : 1]++;
            assertThat(outcome.definition().isPresent()).isEqualTo(outcome.problems().isEmpty());
            for (LabProblem problem : outcome.problems()) {
                assertThat(problem.file()).startsWith("labs/web/");
                assertThat(problem.line()).isPositive();
                assertThat(problem.column()).isPositive();
                assertThat(problem.message()).isNotBlank();
            }
        });
        assertThat(outcomes[0]).as("labs taken").isGreaterThan(100);
        assertThat(outcomes[1]).as("labs refused").isGreaterThan(1_000);
    }

    private static LabFolder folder(Path folder, String yaml) {
        try {
            Files.writeString(folder.resolve("lab.yaml"), yaml);
            return LabFolder.of(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
