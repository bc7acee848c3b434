package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line instructors and CI run; and every lab this repository ships must pass it. */
class ValidateLabsTest {

    /** The repository's labs/ folder; Surefire runs in the backend module's folder. */
    static final Path LABS = Path.of("..", "labs");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ValidateLabs.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyLabInTheRepositoryIsValid() {
        int status = run(LABS.toString());

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("labs/images-and-containers/lab.yaml: ok (5 steps, ");
    }

    @Test
    void aBrokenLabIsReportedWithItsPositionsAndTheStatusIsOne(@TempDir Path dir) throws Exception {
        Path lab = dir.resolve("labs/web");
        Files.createDirectories(lab);
        Files.writeString(lab.resolve("lab.yaml"), LabValidatorTest.VALID.replace("  title: A web server", "  titel: x"));

        int status = run(dir.resolve("labs").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("""
                labs/web/lab.yaml:3:1: missing field 'title' in metadata
                labs/web/lab.yaml:5:3: unknown field 'titel' in metadata; allowed here: id, title, summary, level, minutes, order, concepts
                labs/web/lab.yaml:15:11: steps[0].text: no file 'steps/run.md' in the lab's folder labs/web/
                """);
    }

    @Test
    void withoutAFolderItPrintsItsUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("usage: ValidateLabs LABS_FOLDER|LAB_FOLDER...\n");
    }
}
