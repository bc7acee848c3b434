package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

class VersionAndInfoTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void versionShowsTheClientAsThisMachinesDockerCliPrintsItAndTheSandboxsEngine() {
        String out = sandbox.shell().run("docker version").stdout();

        // The Client block is what docker CLI 28.2.2 on these machines prints, line for line.
        assertThat(out).startsWith("""
                Client:
                 Version:           28.2.2
                 API version:       1.50
                 Go version:        go1.24.3
                 Git commit:        e6534b4
                 Built:             Fri May 30 12:07:14 2025
                 OS/Arch:           linux/amd64
                 Context:           default

                Server: Docker Engine - Community
                 Engine:
                  Version:          28.2.2
                  API version:      1.50 (minimum version 1.24)
                """);
    }

    @Test
    void versionTakesAGoTemplate() {
        assertThat(sandbox.shell().run("docker version -f '{{.Server.Version}} {{.Client.APIVersion}}'"))
                .isEqualTo(CommandResult.ok("28.2.2 1.50\n"));
    }

    @Test
    void infoCountsTheEnginesContainersByState() {
        sandbox.shell().run("docker run -d --name web nginx");
        sandbox.shell().run("docker create --name idle busybox");

        String out = sandbox.shell().run("docker info").stdout();

        assertThat(out).contains("Server:\n Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n Images: 2\n");
        assertThat(out).startsWith("Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n");
    }
}
