package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("A tool whose binary an image has but no program implements ends its container instead of recursing")
class ToolWithoutAProgramTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Test
    void busyboxWgetAsTheContainersCommandEndsWithTheShellsNotFoundAndTheEngineCarriesOn() {
        laptop.ok("docker run -d --name web nginx");

        CommandResult result = laptop.run("docker run --rm busybox wget -qO- http://172.17.0.2");

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).endsWith("sh: wget: not found\n");
        assertThat(laptop.ok("docker ps -a --format '{{.Names}}'")).isEqualTo("web\n");
    }
}
