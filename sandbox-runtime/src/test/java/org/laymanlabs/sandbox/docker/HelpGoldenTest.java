package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The goldens are the output of the docker 28.2.2 CLI on this machine ({@code docker ps --help > help-ps.golden}). */
@DisplayName("--help prints what docker/cli 28 prints, wrapped as pflag wraps it for an 80-column terminal")
class HelpGoldenTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "docker ps --help, help-ps",
        "docker container ls --help, help-ps",
        "docker stop --help, help-stop",
        "docker top --help, help-top",
        "docker volume rm --help, help-volume-rm",
        "docker container inspect --help, help-container-inspect",
    })
    void helpMatchesTheRealCli(String line, String golden) {
        String expected = golden(golden);
        if (line.startsWith("docker container ls")) {
            expected = expected.replace("Usage:  docker ps [OPTIONS]", "Usage:  docker container ls [OPTIONS]");
        }
        assertThat(laptop.ok(line)).isEqualTo(expected);
    }

    private static String golden(String name) {
        try (InputStream in = HelpGoldenTest.class.getResourceAsStream(name + ".golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
