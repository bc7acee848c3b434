package org.laymanlabs.sandbox.image.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;

@DisplayName("docker build prints in the order a terminal shows")
class BuildOutputOrderTest {

    private final BuildSandbox sandbox = new BuildSandbox();

    @Test
    void theDeprecationBannerComesBeforeTheBuildOutput() {
        sandbox.file("Dockerfile", "FROM busybox\n");

        List<OutputChunk> output = sandbox.run("docker build .").output();

        assertThat(output.get(0).stream()).isEqualTo(OutputChunk.Stream.STDERR);
        assertThat(output.get(0).text()).startsWith("DEPRECATED: The legacy builder is deprecated");
        assertThat(output.get(1).stream()).isEqualTo(OutputChunk.Stream.STDOUT);
        assertThat(output.get(1).text()).startsWith("Sending build context to Docker daemon");
    }

    @Test
    void aRunStepsStreamsInterleaveAsWrittenWithStderrInRed() {
        sandbox.file("Dockerfile", "FROM busybox\nRUN echo one; echo two >&2; echo three\n");

        String stdout = sandbox.ok("docker build .");

        assertThat(stdout).contains(" ---> Running in ").contains("\none\n\033[91mtwo\n\033[0mthree\n ---> Removed");
    }

    @Test
    void aFailedStepsErrorFollowsTheOutputOnStderr() {
        sandbox.file("Dockerfile", "FROM busybox\nRUN echo before; exit 3\n");

        CommandResult result = sandbox.run("docker build .");

        List<OutputChunk> output = result.output();
        assertThat(output).hasSize(3);
        assertThat(output.get(1).text()).endsWith("before\n");
        assertThat(output.get(2)).isEqualTo(new OutputChunk(OutputChunk.Stream.STDERR,
                "The command '/bin/sh -c echo before; exit 3' returned a non-zero code: 3\n"));
        assertThat(result.exitCode()).isEqualTo(3);
    }
}
