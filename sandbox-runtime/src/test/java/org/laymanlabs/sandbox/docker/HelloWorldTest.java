package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("docker run hello-world, the first command most people ever type")
class HelloWorldTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Test
    void itIsPulledThenItsMessageIsPrintedAndTheContainerExitsZero() {
        CommandResult run = laptop.run("docker run hello-world");

        assertThat(run.exitCode()).isZero();
        // The pull's progress goes to standard error, the container's output to standard output.
        assertThat(run.stderr()).startsWith("Unable to find image 'hello-world:latest' locally\nlatest: Pulling from library/hello-world\n")
                .endsWith("Status: Downloaded newer image for hello-world:latest\n");
        assertThat(run.stdout()).startsWith("\nHello from Docker!\n"
                        + "This message shows that your installation appears to be working correctly.\n")
                .contains(" 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.\n    (amd64)\n")
                .endsWith("For more examples and ideas, visit:\n https://docs.docker.com/get-started/\n\n");
        assertThat(laptop.ok("docker ps -a --format '{{.Image}} {{.Command}} {{.Status}}'"))
                .isEqualTo("hello-world \"/hello\" Exited (0) Less than a second ago\n");
        assertThat(laptop.ok("docker images hello-world --format '{{.Repository}}:{{.Tag}} {{.Size}}'"))
                .isEqualTo("hello-world:latest 10.1kB\n");
    }

    @Test
    void itsImageHoldsNothingButTheOneBinarySoThereIsNoShellToRun() {
        CommandResult ls = laptop.run("docker run --rm hello-world ls");

        assertThat(ls.exitCode()).isEqualTo(127);
        assertThat(ls.stderr()).contains("exec: \"ls\": executable file not found in $PATH: unknown");
    }
}
