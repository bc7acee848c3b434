package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/**
 * {@code docker inspect} and {@code docker container inspect} of containers. The golden files are
 * written by hand from a Docker 28.2 engine's output for the same commands (moby
 * api/types/container InspectResponse, field order and zero values), with the sandbox's
 * seeded IDs, MAC and virtual-clock times filled in.
 */
@DisplayName("docker inspect of a container")
class ContainerInspectTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Nested
    @DisplayName("prints the whole API 1.50 document")
    class Documents {

        @Test
        void aRunningNginxWithAPublishedPortShowsItsBindingsAddressAndSandbox() {
            laptop.ok("docker run -d --name web -p 8080:80 nginx");

            assertThat(laptop.ok("docker inspect web")).isEqualTo(golden("inspect-container-running"));
            assertThat(laptop.ok("docker container inspect web")).isEqualTo(golden("inspect-container-running"));
        }

        @Test
        void anExitedContainerKeepsItsExitCodeAndItsNetworkButNoAddress() {
            laptop.ok("docker create --name job -v data:/data alpine sh -c 'exit 3'");
            laptop.advance(Duration.ofSeconds(5));
            laptop.ok("docker start job");
            laptop.advance(Duration.ofSeconds(60));

            assertThat(laptop.ok("docker inspect job")).isEqualTo(golden("inspect-container-exited"));
        }

        @Test
        void aContainerThatNeverStartedHasNoNetworkIdYet() {
            laptop.ok("docker create --name idle alpine");

            assertThat(laptop.ok("docker inspect -f '{{.State.Status}} {{.State.StartedAt}} [{{.NetworkSettings.Networks.bridge.NetworkID}}]' idle"))
                    .isEqualTo("created 0001-01-01T00:00:00Z []\n");
        }

        @Test
        void anExposedPortThatIsNotPublishedIsListedWithoutBindings() {
            laptop.ok("docker run -d --name plain nginx");

            assertThat(laptop.ok("docker inspect -f '{{json .NetworkSettings.Ports}} {{json .HostConfig.PortBindings}}' plain"))
                    .isEqualTo("{\"80/tcp\":null} {}\n");
        }
    }

    @Nested
    @DisplayName("answers templates")
    class Templates {

        @Test
        void fieldsJsonAndRangeReachIntoTheDocument() {
            laptop.ok("docker run -d --name web -p 8080:80 -v data:/data -e MODE=test nginx");

            assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.IPAddress}} {{.State.Status}}' web"))
                    .isEqualTo("172.17.0.2 running\n");
            assertThat(laptop.ok("docker inspect --format '{{json .Config.Cmd}}' web"))
                    .isEqualTo("[\"nginx\",\"-g\",\"daemon off;\"]\n");
            assertThat(laptop.ok("docker inspect -f '{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}' web"))
                    .isEqualTo("data:/data \n");
            assertThat(laptop.ok("docker inspect -f '{{index .Config.Env 6}}' web")).isEqualTo("MODE=test\n");
        }

        @Test
        void severalNamesGiveOneLinePerObject() {
            laptop.ok("docker run -d --name one nginx");
            laptop.ok("docker run -d --name two nginx");

            assertThat(laptop.ok("docker inspect -f '{{.Name}}' one two")).isEqualTo("/one\n/two\n");
        }

        @Test
        void sizeAddsTheWritableLayerAndTheWholeRootAndIsIgnoredForAnImage() {
            laptop.ok("docker run -d --name web nginx");

            CommandResult result = laptop.run("docker inspect -s -f '{{.SizeRootFs}}' web nginx");

            assertThat(result.stdout()).matches("\\d+\n<no value>\n");
            assertThat(result.stderr()).isEqualTo("WARNING: --size ignored for image\n");
            assertThat(laptop.ok("docker inspect -f '{{.SizeRw}}' web")).isEqualTo("<no value>\n");
        }
    }

    @Nested
    @DisplayName("reports what it cannot find")
    class Errors {

        @Test
        void aNameThatIsNeitherAContainerNorAnImageIsNoSuchObject() {
            assertThat(laptop.run("docker inspect ghost"))
                    .isEqualTo(new CommandResult("[]\n", "Error: No such object: ghost\n", 1));
        }

        @Test
        void containerInspectAsksTheDaemonForAContainerOnly() {
            assertThat(laptop.run("docker container inspect ghost")).isEqualTo(new CommandResult("[]\n",
                    "Error response from daemon: No such container: ghost\n", 1));
        }

        @Test
        void theObjectsFoundArePrintedBeforeTheErrorAndTheExitStatusIsOne() {
            laptop.ok("docker run -d --name web nginx");

            CommandResult result = laptop.run("docker inspect web ghost");

            assertThat(result.stdout()).startsWith("[\n    {\n        \"Id\": \"").endsWith("    }\n]\n");
            assertThat(result.stderr()).isEqualTo("Error: No such object: ghost\n");
            assertThat(result.exitCode()).isEqualTo(1);
        }

        @Test
        void aTemplateWithNothingFoundPrintsOneEmptyLine() {
            assertThat(laptop.run("docker inspect -f '{{.Id}}' ghost"))
                    .isEqualTo(new CommandResult("\n", "Error: No such object: ghost\n", 1));
        }
    }

    private static String golden(String name) {
        try (InputStream in = ContainerInspectTest.class.getResourceAsStream(name + ".golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
