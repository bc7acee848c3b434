package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("Refused container commands say what Docker says and change nothing")
class ContainerErrorsTest {

    private final LaptopSandbox laptop = new LaptopSandbox();
    private String web;
    private String psBefore;
    private String rulesBefore;

    @BeforeEach
    void oneWebServerOnPort8080() {
        laptop.ok("docker run -d -p 8080:80 --name web nginx");
        laptop.ok("docker run --name done busybox true");
        web = laptop.sandbox.containers().containers().get("web").id();
        psBefore = laptop.ok("docker ps -a");
        rulesBefore = laptop.ok("iptables-save");
    }

    private void assertUnchanged() {
        assertThat(laptop.ok("docker ps -a")).isEqualTo(psBefore);
        assertThat(laptop.ok("iptables-save")).isEqualTo(rulesBefore);
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThat(laptop.run("docker run --bogus nginx")).isEqualTo(CommandResult.error(
                "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                        + "Run 'docker run --help' for more information\n", 125));
        assertUnchanged();
    }

    @Test
    void anImageNoRegistryHasCannotBePulled() {
        CommandResult result = laptop.run("docker run nosuchimage");

        assertThat(result.stderr()).isEqualTo("Unable to find image 'nosuchimage:latest' locally\n"
                + "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or"
                + " may require 'docker login': denied: requested access to the resource is denied\n\n"
                + "Run 'docker run --help' for more information\n");
        assertThat(result.exitCode()).isEqualTo(125);
        assertUnchanged();
    }

    @Test
    void aNameInUseIsAConflict() {
        assertThat(laptop.run("docker run -d --name web nginx")).isEqualTo(CommandResult.error(
                "docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by container \""
                        + web + "\". You have to remove (or rename) that container to be able to reuse that name.\n\n"
                        + "Run 'docker run --help' for more information\n", 125));
        assertUnchanged();
    }

    @Test
    void aPublishedPortInUseLeavesTheNewContainerCreatedAndTheRulesAlone() {
        CommandResult result = laptop.run("docker run -d -p 8080:80 --name web2 nginx");

        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("docker: Error response from daemon: failed to set up container networking:"
                + " driver failed programming external connectivity on endpoint web2 (")
                .endsWith("): Bind for 0.0.0.0:8080 failed: port is already allocated\n\n"
                        + "Run 'docker run --help' for more information\n");
        assertThat(laptop.ok("iptables-save")).isEqualTo(rulesBefore);
        assertThat(laptop.ok("docker ps -a --format '{{.Names}} {{.Status}}'")).startsWith("web2 Created\n");
    }

    @Test
    void aRunningContainerIsNotRemovedWithoutForce() {
        assertThat(laptop.run("docker rm web")).isEqualTo(CommandResult.error("Error response from daemon: cannot remove"
                + " container \"/web\": container is running: stop the container before removing or force remove\n", 1));
        assertUnchanged();
    }

    @Test
    void execIntoAStoppedContainerIsRefused() {
        String done = laptop.sandbox.containers().containers().get("done").id();

        assertThat(laptop.run("docker exec done ls")).isEqualTo(CommandResult.error(
                "Error response from daemon: container " + done + " is not running\n", 1));
        assertUnchanged();
    }

    @Test
    void execOfAMissingProgramFailsAsRuncDoes() {
        CommandResult result = laptop.run("docker exec web foo");

        assertThat(result.stdout()).isEqualTo("OCI runtime exec failed: exec failed: unable to start container process:"
                + " exec: \"foo\": executable file not found in $PATH: unknown\n");
        assertThat(result.exitCode()).isEqualTo(127);
    }

    @Test
    void aMissingCommandFailsTheStartWith127AndLeavesTheContainerCreated() {
        CommandResult result = laptop.run("docker run --name broken busybox foo");

        assertThat(result).isEqualTo(CommandResult.error("docker: Error response from daemon: failed to create task for"
                + " container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start"
                + " container process: error during container init: exec: \"foo\": executable file not found in $PATH:"
                + " unknown\n\nRun 'docker run --help' for more information\n", 127));
        assertThat(laptop.ok("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' broken")).isEqualTo("created 127\n");
        assertThat(laptop.ok("iptables-save")).isEqualTo(rulesBefore);
    }

    @Test
    void anUnknownContainerIsNamedInTheError() {
        assertThat(laptop.run("docker stop ghost")).isEqualTo(CommandResult.error(
                "Error response from daemon: No such container: ghost\n", 1));
        assertUnchanged();
    }
}
