package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.image.Digest;

/**
 * The real docker CLI 28 against a sandbox's Engine API (issue #10). Where the sandbox's own shell
 * has the same command, the real CLI must print what the shell prints: both read the same daemon.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The docker CLI against a sandbox")
class DockerCliTest {

    private static final String BANNER = """
            DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                        BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
                        environment-variable.

            """;

    private Path home;
    private EngineApiFixture api;
    private DockerCli docker;

    @BeforeAll
    void pointTheCliAtTheSandbox(@TempDir Path home) throws IOException {
        this.home = home;
        Optional<Path> executable = DockerCli.find();
        if (executable.isEmpty()) {
            System.out.println("DockerCliTest skipped: no docker CLI on PATH or in /usr/local/bin");
        }
        Assumptions.assumeTrue(executable.isPresent(), "no docker CLI on this machine");
        api = EngineApiFixture.shared();
        docker = DockerCli.configured(executable.get(), api.dockerHost(), home.resolve("docker"),
                EngineApiFixture.TOKEN, "sb-a");
    }

    private DockerCli.Run docker(String... args) throws IOException, InterruptedException {
        return docker.run(home, args);
    }

    private CommandResult shell(SerialSandbox sandbox, String line) {
        return sandbox.read(s -> s.shell().run(line));
    }

    @Test
    void versionPrintsTheEngineAsTheSandboxShellDoes() throws Exception {
        DockerCli.Run version = docker("version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).isEqualTo(shell(api.sandbox, "docker version").stdout())
                .contains(" API version:      1.50 (minimum version 1.24)");
    }

    @Test
    void pullPrintsTheProgressTheSandboxShellPrints() throws Exception {
        DockerCli.Run pull = docker("pull", "alpine");

        assertThat(pull.exitCode()).isZero();
        assertThat(pull.stdout()).isEqualTo(shell(api.other, "docker pull alpine").stdout())
                .startsWith("Using default tag: latest\nlatest: Pulling from library/alpine\n")
                .endsWith("Status: Downloaded newer image for alpine:latest\ndocker.io/library/alpine:latest\n");
        Digest pulled = api.sandbox.read(s -> s.daemon().images().resolve("alpine:latest").id());
        Digest pulledByTheShell = api.other.read(s -> s.daemon().images().resolve("alpine:latest").id());
        assertThat(pulled).isEqualTo(pulledByTheShell);
    }

    @Test
    void buildSendsTheContextToTheClassicBuilderAndTagsTheImage() throws Exception {
        Path context = Files.createDirectories(home.resolve("greeter"));
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nCOPY greeting.txt /greeting.txt\n"
                + "CMD [\"cat\", \"/greeting.txt\"]\n");
        Files.writeString(context.resolve("greeting.txt"), "hello from the build context\n");

        DockerCli.Run build = docker("build", "-t", "greeter", "greeter");

        assertThat(build.exitCode()).isZero();
        assertThat(build.stderr()).startsWith(BANNER);
        assertThat(build.stdout()).startsWith("Sending build context to Docker daemon")
                .contains("Step 1/3 : FROM busybox\n", "Step 2/3 : COPY greeting.txt /greeting.txt\n",
                        "Step 3/3 : CMD [\"cat\", \"/greeting.txt\"]\n")
                .containsPattern("Successfully built [0-9a-f]{12}\nSuccessfully tagged greeter:latest\n$");
        assertThat(docker("run", "--rm", "greeter").stdout()).isEqualTo("hello from the build context\n");
    }

    @Test
    void aFailedRunStepEndsTheBuildWithItsExitCode() throws Exception {
        Path context = Files.createDirectories(home.resolve("broken"));
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN exit 7\n");

        DockerCli.Run build = docker("build", "broken");

        assertThat(build.exitCode()).isEqualTo(7);
        assertThat(build.stdout()).contains("Step 2/2 : RUN exit 7\n");
        assertThat(build.stderr()).isEqualTo(BANNER + "The command '/bin/sh -c exit 7' returned a non-zero code: 7\n");
    }

    @Test
    void tagImagesHistoryAndRmiReadAsTheSandboxShellReadsThem() throws Exception {
        docker("pull", "busybox");

        DockerCli.Run tag = docker("tag", "busybox", "mybox:v1");
        String images = "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}";

        assertThat(tag.exitCode()).isZero();
        // docker/cli ranges over a Go map of one image's repositories, so its tags come in random order.
        assertThat(docker("images", "--format", images).stdout().lines().sorted().toList())
                .isEqualTo(shell(api.sandbox, "docker images --format '" + images + "'").stdout().lines().sorted().toList())
                .contains("mybox:v1 51410eb71e6a 4.28MB");
        assertThat(docker("history", "mybox:v1").stdout()).isEqualTo(shell(api.sandbox, "docker history mybox:v1").stdout());
        assertThat(docker("image", "inspect", "mybox:v1").stdout())
                .isEqualTo(shell(api.sandbox, "docker image inspect mybox:v1").stdout());
        assertThat(docker("rmi", "mybox:v1").stdout()).isEqualTo("Untagged: mybox:v1\n");
    }

    @Test
    void systemDfAddsUpWhatTheSandboxShellAddsUp() throws Exception {
        assertThat(docker("system", "df").stdout()).isEqualTo(shell(api.sandbox, "docker system df").stdout());
    }

    @Test
    void runDetachedPublishesThePortThatPsShows() throws Exception {
        DockerCli.Run run = docker("run", "-d", "-p", "8080:80", "--name", "web", "nginx");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).matches("[0-9a-f]{64}\n");
        DockerCli.Run ps = docker("ps");
        assertThat(ps.stdout()).startsWith("CONTAINER ID   IMAGE     COMMAND                  CREATED")
                .containsPattern(run.stdout().substring(0, 12) + " +nginx +\"/docker-entrypoint\\.…\" +.+ +Up .+"
                        + "0\\.0\\.0\\.0:8080->80/tcp, \\[::\\]:8080->80/tcp +web\n");
        String format = "{{.Names}} {{.Image}} {{.Ports}}";
        assertThat(docker("ps", "--format", format).stdout())
                .isEqualTo(shell(api.sandbox, "docker ps --format '" + format + "'").stdout());
        int published = api.sandbox.read(s -> s.containers().containers().get("web").publishedPorts().get(0).hostPort());
        assertThat(published).isEqualTo(8080);
    }

    @Test
    void logsPrintEachLineToTheStreamTheContainerWroteItTo() throws Exception {
        docker("run", "-d", "--name", "talker", "busybox", "sh", "-c", "echo to-out; echo to-err >&2");

        DockerCli.Run logs = docker("logs", "talker");

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.stdout()).isEqualTo("to-out\n");
        assertThat(logs.stderr()).isEqualTo("to-err\n");
    }

    @Test
    void logsFollowPrintsLinesAsTheyAreWrittenUntilTheContainerExits() throws Exception {
        docker("run", "-d", "--name", "slow-talker", "busybox", "sh", "-c", "echo first; sleep 1; echo second");

        DockerCli.Run follow = docker("logs", "-f", "slow-talker");

        assertThat(follow.exitCode()).isZero();
        assertThat(follow.stdout()).isEqualTo("first\nsecond\n");
    }

    @Test
    void aRunWhoseCommandIsMissingFailsAsTheSandboxShellSays() throws Exception {
        docker("pull", "busybox");
        shell(api.other, "docker pull -q busybox");

        DockerCli.Run run = docker("run", "--name", "no-command", "busybox", "nosuchcmd");
        CommandResult inTheShell = shell(api.other, "docker run --name no-command busybox nosuchcmd");

        assertThat(run.exitCode()).isEqualTo(127).isEqualTo(inTheShell.exitCode());
        assertThat(run.stderr()).isEqualTo(inTheShell.stderr()).isEqualTo("docker: Error response from daemon: failed to"
                + " create task for container: failed to create shim task: OCI runtime create failed: runc create failed:"
                + " unable to start container process: error during container init: exec: \"nosuchcmd\": executable file"
                + " not found in $PATH: unknown\n\nRun 'docker run --help' for more information\n");
    }

    @Test
    void anInvalidNameIsRefusedAsTheSandboxShellSays() throws Exception {
        DockerCli.Run run = docker("run", "--name", "x", "busybox");

        assertThat(run.exitCode()).isEqualTo(125);
        // nginx's docker-entrypoint.sh ends with exec "$@": its sh reads stdin as well.
        DockerCli.Run behindEntrypoint = docker("run", "-i", "--name", "shell2", "nginx", "sh");
        assertThat(behindEntrypoint.stderr()).contains("docker: Error response from daemon: interactive sessions are not served");
        assertThat(behindEntrypoint.exitCode()).isEqualTo(125);
        assertThat(run.stderr()).isEqualTo(shell(api.sandbox, "docker run --name x busybox").stderr())
                .isEqualTo("docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-]"
                        + " are allowed\n\nRun 'docker run --help' for more information\n");
    }

    @Test
    void execRunsInTheContainerAndExitsWithItsStatus() throws Exception {
        docker("run", "-d", "--name", "worker", "nginx");

        DockerCli.Run ls = docker("exec", "worker", "ls", "/etc/nginx/conf.d");
        DockerCli.Run failing = docker("exec", "worker", "sh", "-c", "echo before; exit 3");

        assertThat(ls.stdout()).isEqualTo("default.conf\n");
        assertThat(ls.exitCode()).isZero();
        assertThat(failing.stdout()).isEqualTo("before\n");
        assertThat(failing.exitCode()).isEqualTo(3);
    }

    @Test
    void anInteractiveShellIsRefusedWithTheReasonRatherThanEndingAtOnceAsIfItHadRun() throws Exception {
        docker("run", "-d", "--name", "box", "nginx");

        DockerCli.Run exec = docker("exec", "-i", "box", "sh");
        // Not alpine: the class shares one sandbox, and pulling it here would change what the pull test prints.
        DockerCli.Run run = docker("run", "-i", "--name", "shell", "ubuntu");

        assertThat(exec.stderr()).isEqualTo("Error response from daemon: interactive sessions are not served over the"
                + " sandbox's Engine API (it does not carry stdin): open the shell in the Layman Labs terminal, where"
                + " docker exec -it and docker run -it work\n");
        assertThat(exec.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("docker: Error response from daemon: interactive sessions are not served");
        assertThat(run.exitCode()).isEqualTo(125);
        // nginx's docker-entrypoint.sh ends with exec "$@": its sh reads stdin as well.
        DockerCli.Run behindEntrypoint = docker("run", "-i", "--name", "shell2", "nginx", "sh");
        assertThat(behindEntrypoint.stderr()).contains("docker: Error response from daemon: interactive sessions are not served");
        assertThat(behindEntrypoint.exitCode()).isEqualTo(125);
        // The class shares one sandbox: other tests' containers may be listed too, but no "shell".
        assertThat(docker("ps", "-a", "--format", "{{.Names}}").stdout().lines()).contains("box").doesNotContain("shell", "shell2");
        assertThat(docker("exec", "-i", "box", "cat", "/etc/nginx/conf.d/default.conf").exitCode()).isZero();
    }

    @Test
    void inspectShowsWhatTheSandboxShellShows() throws Exception {
        docker("run", "-d", "--name", "inspected", "-p", "9090:80", "nginx");
        String format = "{{.State.Status}} {{.NetworkSettings.IPAddress}} {{.HostConfig.PortBindings}}";

        DockerCli.Run inspect = docker("inspect", "-f", format, "inspected");

        assertThat(inspect.exitCode()).isZero();
        assertThat(inspect.stdout()).startsWith("running 172.17.0.")
                .isEqualTo(shell(api.sandbox, "docker inspect -f '" + format + "' inspected").stdout());
        assertThat(docker("inspect", "inspected").stdout())
                .isEqualTo(shell(api.sandbox, "docker inspect inspected").stdout());
    }

    @Test
    void stopAndRmPrintTheNameAndTheContainerIsGone() throws Exception {
        docker("run", "-d", "--name", "stopper", "nginx");

        DockerCli.Run stop = docker("stop", "stopper");
        DockerCli.Run status = docker("ps", "-a", "--filter", "name=stopper", "--format", "{{.Status}}");
        DockerCli.Run rm = docker("rm", "stopper");

        assertThat(stop.stdout()).isEqualTo("stopper\n");
        assertThat(status.stdout()).startsWith("Exited (0) ");
        assertThat(rm.stdout()).isEqualTo("stopper\n");
        Optional<Container> left = api.sandbox.read(s -> s.containers().containers().find("stopper"));
        assertThat(left).isEmpty();
    }

    @Test
    void networkCreateAddsANetworkThatLsListsAsTheShellDoes() throws Exception {
        DockerCli.Run create = docker("network", "create", "labnet");

        assertThat(create.stdout()).matches("[0-9a-f]{64}\n");
        DockerCli.Run ls = docker("network", "ls");
        assertThat(ls.stdout()).isEqualTo(shell(api.sandbox, "docker network ls").stdout())
                .contains(create.stdout().substring(0, 12) + "   labnet    bridge    local\n");
    }

    @Test
    void anAttachedRunPrintsTheOutputAndExitsWithTheContainersStatus() throws Exception {
        DockerCli.Run run = docker("run", "--rm", "--name", "once", "busybox", "sh", "-c", "echo bye; exit 4");

        assertThat(run.stdout()).isEqualTo("bye\n");
        assertThat(run.exitCode()).isEqualTo(4);
        Optional<Container> left = api.sandbox.read(s -> s.containers().containers().find("once"));
        assertThat(left).isEmpty();
    }

    @Test
    void refusalsReadAsTheSandboxShellReadsThem() throws Exception {
        docker("run", "-d", "--name", "busy", "nginx");

        DockerCli.Run rm = docker("rm", "busy");
        DockerCli.Run missing = docker("container", "inspect", "nosuch");

        assertThat(rm.exitCode()).isEqualTo(1);
        assertThat(rm.stderr()).isEqualTo(shell(api.sandbox, "docker rm busy").stderr())
                .contains("container is running: stop the container before removing or force remove");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("Error response from daemon: No such container: nosuch\n");
    }

    @Test
    void aConfigNamingAnotherSandboxIsRefusedWith403() throws Exception {
        DockerCli wrong = DockerCli.configured(DockerCli.find().orElseThrow(), api.dockerHost(), home.resolve("wrong"),
                EngineApiFixture.TOKEN, "sb-b");

        DockerCli.Run ps = wrong.run(home, "ps");

        assertThat(ps.exitCode()).isEqualTo(1);
        assertThat(ps.stderr()).isEqualTo("Error response from daemon: this token does not open sandbox sb-b\n");
    }
}
