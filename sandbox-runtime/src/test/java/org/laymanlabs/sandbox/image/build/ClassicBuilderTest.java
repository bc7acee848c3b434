package org.laymanlabs.sandbox.image.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.HistoryItem;
import org.laymanlabs.sandbox.image.Image;

@DisplayName("The classic builder")
class ClassicBuilderTest {

    private final BuildSandbox sandbox = new BuildSandbox();

    @Nested
    @DisplayName("builds a base OS, a web server and an app")
    class WebServer {

        @Test
        void eachFileChangingInstructionAddsOneLayerAndTheRestOnlyMetadata() {
            sandbox.file("web/Dockerfile", BuildGoldenOutputTest.WEB).file("web/index.html", "<h1>hi</h1>\n");
            sandbox.ok("docker build -t web ./web");

            Image web = sandbox.daemon.images().resolve("web");
            Image ubuntu = sandbox.daemon.images().resolve("ubuntu:22.04");
            assertThat(web.layers()).hasSize(ubuntu.layers().size() + 2);
            List<HistoryItem> history = sandbox.daemon.images().history("web");
            assertThat(history.get(0).createdBy()).isEqualTo("/bin/sh -c #(nop)  CMD [\"nginx\" \"-g\" \"daemon off;\"]");
            assertThat(history.get(1).createdBy()).isEqualTo("/bin/sh -c #(nop)  EXPOSE 80");
            assertThat(history.get(2).createdBy()).startsWith("/bin/sh -c #(nop) COPY file:").endsWith(" in /var/www/html/ ");
            assertThat(history.get(2).size()).isEqualTo(12);
            assertThat(history.get(3).createdBy()).isEqualTo("/bin/sh -c apt-get update &&     apt-get install -y nginx");
            assertThat(history.get(3).size()).isGreaterThan(20_000_000);
            assertThat(web.rootfs().read("/var/www/html/index.html")).contains("<h1>hi</h1>\n");
            assertThat(web.rootfs().stat("/usr/sbin/nginx")).isPresent();
        }

        @Test
        void aRebuildAfterChangingTheAppSharesEveryLayerBelowTheCopyAndCountsThemOnce() {
            sandbox.file("web/Dockerfile", BuildGoldenOutputTest.WEB).file("web/index.html", "<h1>one</h1>\n");
            Image first = build("web");
            sandbox.file("web/index.html", "<h1>two</h1>\n");
            Image second = build("web");

            assertThat(second.layers().subList(0, second.layers().size() - 1))
                    .isEqualTo(first.layers().subList(0, first.layers().size() - 1));
            assertThat(second.layers().get(second.layers().size() - 1)).isNotEqualTo(first.layers().get(first.layers().size() - 1));
            assertThat(sandbox.daemon.images().diskUsage().size())
                    .isLessThan(first.size() + second.size())
                    .isEqualTo(second.size() + first.layers().get(first.layers().size() - 1).size());
        }
    }

    @Test
    void multiStageBuildsCopyFromAnEarlierStageAndTagOnlyTheLastOne() {
        sandbox.file("app/Dockerfile", "FROM alpine:3.22 AS build\nWORKDIR /src\nRUN echo compiled > app.bin\n"
                + "FROM busybox\nCOPY --from=build /src/app.bin /usr/local/bin/app\nCMD [\"app\"]\n");

        sandbox.ok("docker build -t app app");

        Image app = sandbox.daemon.images().resolve("app");
        assertThat(app.rootfs().read("/usr/local/bin/app")).contains("compiled\n");
        assertThat(app.rootfs().exists("/src")).isFalse();
        assertThat(sandbox.daemon.images().references(app.id())).hasSize(1);
    }

    @Test
    void targetStopsAtTheNamedStage() {
        sandbox.file("app/Dockerfile", "FROM alpine:3.22 AS build\nRUN echo a > /a\nFROM busybox\nRUN echo b > /b\n");

        String out = sandbox.ok("docker build --target build -t only-build app");

        assertThat(out).contains("Step 2/2 : RUN echo a > /a").doesNotContain("busybox");
        assertThat(sandbox.daemon.images().resolve("only-build").rootfs().exists("/a")).isTrue();
    }

    @Test
    void buildArgsReachRunAndAreRecordedInItsHistory() {
        sandbox.file("Dockerfile", "FROM alpine:3.22\nARG VERSION=1.0\nRUN echo $VERSION > /version\n");

        sandbox.ok("docker build --build-arg VERSION=2.5 -t versioned .");

        assertThat(sandbox.daemon.images().resolve("versioned").rootfs().read("/version")).contains("2.5\n");
        assertThat(sandbox.daemon.images().history("versioned").get(0).createdBy())
                .isEqualTo("|1 VERSION=2.5 /bin/sh -c echo $VERSION > /version");
    }

    @Test
    void anUnusedBuildArgIsWarnedAbout() {
        sandbox.file("Dockerfile", "FROM alpine:3.22\n");

        assertThat(sandbox.ok("docker build --build-arg NOPE=1 ."))
                .contains("[Warning] One or more build-args [NOPE] were not consumed\nSuccessfully built ");
    }

    @Test
    void dockerignoreKeepsFilesOutOfTheContext() {
        sandbox.file("Dockerfile", "FROM busybox\nCOPY . /app/\n").file(".dockerignore", "secret.txt\nlogs\n")
                .file("secret.txt", "hunter2\n").file("logs/a.log", "x\n").file("app.py", "print(1)\n");

        sandbox.ok("docker build -t ctx .");

        Image ctx = sandbox.daemon.images().resolve("ctx");
        assertThat(ctx.rootfs().exists("/app/app.py")).isTrue();
        assertThat(ctx.rootfs().exists("/app/secret.txt")).isFalse();
        assertThat(ctx.rootfs().exists("/app/logs")).isFalse();
        sandbox.file("Dockerfile", "FROM busybox\nCOPY secret.txt /\n");
        assertThat(sandbox.run("docker build .").stderr()).endsWith("COPY failed: file not found in build context or"
                + " excluded by .dockerignore: stat secret.txt: file does not exist\n");
    }

    @Test
    void aMalformedLineIsNamedAndLeavesTheStoreUnchanged() {
        sandbox.file("Dockerfile", "FROM alpine\nRUNN echo hi\n");

        CommandResult result = sandbox.run("docker build .");

        assertThat(result.stderr()).endsWith("Error response from daemon: dockerfile parse error on line 2:"
                + " unknown instruction: RUNN (did you mean RUN?)\n");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(sandbox.daemon.images().images()).isEmpty();
    }

    @Test
    void anUnknownBaseImageFailsTheFirstStepAndLeavesTheStoreUnchanged() {
        sandbox.file("Dockerfile", "FROM nosuchimage:1.0\nRUN true\n");

        CommandResult result = sandbox.run("docker build .");

        assertThat(result.stdout()).endsWith("Step 1/2 : FROM nosuchimage:1.0\n");
        assertThat(result.stderr()).endsWith("pull access denied for nosuchimage, repository does not exist or may"
                + " require 'docker login': denied: requested access to the resource is denied\n");
        assertThat(sandbox.daemon.images().images()).isEmpty();
    }

    @Test
    void aFailedRunKeepsTheStepsBeforeItSoTheNextBuildUsesTheirCache() {
        sandbox.file("Dockerfile", "FROM alpine:3.22\nRUN apk add curl\nRUN curlx --version\n");
        CommandResult failed = sandbox.run("docker build .");
        assertThat(failed.stdout()).endsWith("\033[91m/bin/sh: curlx: not found\n\033[0m");
        assertThat(failed.exitCode()).isEqualTo(127);

        sandbox.file("Dockerfile", "FROM alpine:3.22\nRUN apk add curl\nRUN curl --version\n");
        assertThat(sandbox.ok("docker build .")).contains("Step 2/3 : RUN apk add curl\n ---> Using cache\n");
    }

    @Test
    void aMissingDockerfileIsReportedAsTheCliDoes() {
        CommandResult result = sandbox.run("docker build .");

        assertThat(result.stderr()).endsWith("unable to prepare context: unable to evaluate symlinks in Dockerfile"
                + " path: lstat /home/learner/Dockerfile: no such file or directory\n");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void quietPrintsOnlyTheImageId() {
        sandbox.file("Dockerfile", "FROM busybox\nENV A=1\n");

        String out = sandbox.ok("docker build -q -t quiet .");

        assertThat(out).isEqualTo(sandbox.daemon.images().resolve("quiet").id() + "\n");
    }

    @Test
    void aDebianCommandRunsUnderDashAndFailsWithItsMessage() {
        sandbox.file("Dockerfile", "FROM debian:bookworm-slim\nRUN apk add curl\n");

        CommandResult result = sandbox.run("docker build .");

        assertThat(result.stdout()).endsWith("\033[91m/bin/sh: 1: apk: not found\n\033[0m");
        assertThat(result.stderr()).endsWith("The command '/bin/sh -c apk add curl' returned a non-zero code: 127\n");
    }

    @Test
    void buildkitRequestedWithoutBuildxIsAnError() {
        sandbox.file("Dockerfile", "FROM busybox\n");
        sandbox.ok("export DOCKER_BUILDKIT=1");

        CommandResult result = sandbox.run("docker build .");

        assertThat(result.stderr()).startsWith("ERROR: BuildKit is enabled but the buildx component is missing or broken.\n");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    private Image build(String tag) {
        sandbox.ok("docker build -t " + tag + " ./web");
        return sandbox.daemon.images().resolve(tag);
    }
}
