package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("File modes in images and containers: layers, docker diff, COPY and the exec permission")
class FileModesInContainersTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    private void dockerfile(String... lines) {
        laptop.ok("rm -f Dockerfile");
        for (String line : lines) {
            laptop.ok("echo '" + line + "' >> Dockerfile");
        }
    }

    @Test
    void aChmodInARunStepIsALayerChangeWithItsOwnDigest() {
        dockerfile("FROM busybox", "RUN echo \"echo hi\" > /x.sh");
        String plain = laptop.ok("docker build -q -t plain .");
        dockerfile("FROM busybox", "RUN echo \"echo hi\" > /x.sh && chmod +x /x.sh");
        String executable = laptop.ok("docker build -q -t executable .");

        assertThat(executable).isNotEqualTo(plain);
        assertThat(laptop.ok("docker run --rm executable ls -l /x.sh")).startsWith("-rwxr-xr-x 1 root root 8 ");
        assertThat(laptop.ok("docker run --rm plain ls -l /x.sh")).startsWith("-rw-r--r-- 1 root root 8 ");
    }

    @Test
    void aChmodInARunningContainerShowsAsAChangeInDockerDiff() {
        laptop.ok("echo 'echo hi' > x.sh");
        dockerfile("FROM busybox", "COPY x.sh /x.sh", "CMD [\"sleep\", \"100\"]");
        laptop.ok("docker build -q -t app .");
        laptop.ok("docker run -d --name box app");

        assertThat(laptop.ok("docker diff box")).isEmpty();
        laptop.ok("docker exec box chmod +x /x.sh");

        assertThat(laptop.ok("docker diff box")).isEqualTo("C /x.sh\n");
    }

    @Test
    void aScriptWithoutTheExecuteBitIsRefusedWithTheRealErrorsAndStatus126() {
        laptop.ok("echo 'echo hi' > x.sh");
        dockerfile("FROM busybox", "COPY x.sh /x.sh", "WORKDIR /", "CMD [\"sleep\", \"100\"]");
        laptop.ok("docker build -q -t app .");
        laptop.ok("docker run -d --name box app");

        assertThat(laptop.run("docker exec box sh -c ./x.sh"))
                .isEqualTo(CommandResult.error("sh: ./x.sh: Permission denied\n", 126));
        CommandResult direct = laptop.run("docker exec box /x.sh");
        assertThat(direct.exitCode()).isEqualTo(126);
        assertThat(direct.stdout() + direct.stderr()).contains("exec: \"/x.sh\": permission denied");

        laptop.ok("docker exec box chmod +x /x.sh");
        assertThat(laptop.run("docker exec box sh -c ./x.sh")).isEqualTo(CommandResult.ok("hi\n"));
    }

    @Test
    void aContainerWhoseCommandIsNotExecutableFailsToStartWith126() {
        laptop.ok("echo 'echo hi' > x.sh");
        dockerfile("FROM busybox", "COPY x.sh /x.sh", "CMD [\"/x.sh\"]");
        laptop.ok("docker build -q -t app .");

        CommandResult run = laptop.run("docker run --name box app");

        assertThat(run.stderr()).contains("error during container init: exec: \"/x.sh\": permission denied: unknown");
        assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' box")).isEqualTo("126\n");
    }

    @Test
    void copyKeepsTheModesTheFilesHaveInTheBuildContext() {
        laptop.ok("echo '#!/bin/sh' > run.sh && echo 'echo running' >> run.sh && chmod 750 run.sh");
        dockerfile("FROM busybox", "COPY run.sh /run.sh", "RUN /run.sh");

        String build = laptop.ok("docker build -t app .");

        assertThat(build).contains("running\n");
        assertThat(laptop.ok("docker run --rm app ls -l /run.sh")).startsWith("-rwxr-x--- 1 root root 23 ");
    }

    @Test
    void aRunOfANonExecutableCopiedScriptFailsTheBuildWith126() {
        laptop.ok("echo 'echo running' > run.sh");
        dockerfile("FROM ubuntu:22.04", "COPY run.sh /run.sh", "RUN /run.sh");

        CommandResult build = laptop.run("docker build -t app .");

        assertThat(build.exitCode()).isEqualTo(126);
        assertThat(build.stdout()).contains("/bin/sh: 1: /run.sh: Permission denied\n");
        assertThat(build.stderr()).contains("The command '/bin/sh -c /run.sh' returned a non-zero code: 126");
    }

    @Test
    void copyChmodIsLeftToBuildKitAsTheClassicBuilderDoes() {
        laptop.ok("echo hi > run.sh");
        dockerfile("FROM busybox", "COPY --chmod=755 run.sh /run.sh");

        CommandResult build = laptop.run("docker build -t app .");

        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.stderr()).contains("the --chmod option requires BuildKit. Refer to"
                + " https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
        assertThat(laptop.run("docker image inspect app").exitCode()).isEqualTo(1);
    }

    @Test
    void baseImagesHaveBelievableModes() {
        laptop.ok("docker run -d --name box busybox sleep 100");

        assertThat(laptop.ok("docker exec box ls -ld /tmp /etc/passwd /bin/busybox"))
                .contains("drwxrwxrwt ", "-rw-r--r-- ", "-rwxr-xr-x ");
    }

    @Test
    void aGlobInARunStepMatchesTheLayersFilesSoRmEmptiesTheAptLists() {
        dockerfile("FROM ubuntu:22.04", "RUN apt-get update && ls /var/lib/apt/lists | wc -l && rm -rf /var/lib/apt/lists/*",
                "RUN ls -A /var/lib/apt/lists | wc -l && echo /etc/deb*_version /e?c/nothing*");

        String build = laptop.ok("docker build -t app .");

        assertThat(build).containsPattern("\n[1-9][0-9]*\n ---> Removed").contains("\n0\n/etc/debian_version /e?c/nothing*\n");
    }
}
