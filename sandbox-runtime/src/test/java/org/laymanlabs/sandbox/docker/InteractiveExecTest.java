package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("docker exec -it: a shell in a container reads the terminal")
class InteractiveExecTest {

    private static final String LAPTOP = "learner@laptop:~$ ";

    private final LaptopSandbox laptop = new LaptopSandbox();
    private final Shell shell = laptop.sandbox.shell();

    @Nested
    @DisplayName("in BusyBox's ash (nginx:alpine)")
    class Ash {

        @BeforeEach
        void startNginx() {
            laptop.ok("docker run -d --name web nginx:alpine");
        }

        @Test
        void opensAtTheContainersPromptAndPrintsNothingElse() {
            CommandResult opened = laptop.run("docker exec -it web sh");

            assertThat(opened.terminal()).isEmpty();
            assertThat(opened.exitCode()).isZero();
            assertThat(shell.prompt()).isEqualTo("/ # ");
        }

        @Test
        void runsEachLineInTheContainerAndThePromptFollowsCd() {
            laptop.ok("docker exec -it web sh");

            assertThat(laptop.run("cat /usr/share/nginx/html/index.html").stdout()).contains("<title>Welcome to nginx!</title>");
            assertThat(laptop.run("cd /usr/share/nginx/html").exitCode()).isZero();
            assertThat(shell.prompt()).isEqualTo("/usr/share/nginx/html # ");
            assertThat(laptop.run("ls").stdout()).isEqualTo("50x.html  index.html\n");
            assertThat(laptop.run("pwd").stdout()).isEqualTo("/usr/share/nginx/html\n");
            laptop.run("cd");
            assertThat(shell.prompt()).isEqualTo("~ # ");
        }

        @Test
        void keepsItsVariablesAndTheContainersEnvironmentFromLineToLine() {
            laptop.ok("docker exec -it web sh");
            laptop.run("GREETING=hello");

            assertThat(laptop.run("echo $GREETING").stdout()).isEqualTo("hello\n");
            assertThat(laptop.run("echo $NGINX_VERSION").stdout()).isNotBlank().isNotEqualTo("\n");
        }

        @Test
        void wordsItsErrorsAsAshAndKeepsTheStatusInDollarQuestionMark() {
            laptop.ok("docker exec -it web sh");

            CommandResult missing = laptop.run("kubectl get pods");
            assertThat(missing.stderr()).isEqualTo("sh: kubectl: not found\n");
            assertThat(missing.exitCode()).isEqualTo(127);
            assertThat(laptop.run("echo $?").stdout()).isEqualTo("127\n");
        }

        @Test
        void aDockerCommandInsideFailsAsTheContainerHasNoDocker() {
            laptop.ok("docker exec -it web sh");

            CommandResult nested = laptop.run("docker exec -it web sh");

            assertThat(nested.stderr()).isEqualTo("sh: docker: not found\n");
            assertThat(shell.prompt()).isEqualTo("/ # ");
        }

        @Test
        void exitEndsTheSessionWithItsStatusAndTheLaptopsPromptComesBack() {
            laptop.ok("docker exec -it web sh");

            CommandResult exited = laptop.run("exit 3");

            assertThat(exited.terminal()).isEmpty();
            assertThat(exited.exitCode()).isEqualTo(3);
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
            assertThat(laptop.run("echo $?").stdout()).isEqualTo("3\n");
            assertThat(laptop.run("docker ps --format '{{.Names}}'").stdout()).isEqualTo("web\n");
        }

        @Test
        void exitWithoutAStatusLeavesWithTheLastCommandsStatus() {
            laptop.ok("docker exec -it web sh");
            laptop.run("false");

            assertThat(laptop.run("exit").exitCode()).isEqualTo(1);
        }

        @Test
        void whatTheSessionWroteIsStillInTheContainerAfterExit() {
            laptop.ok("docker exec -it web sh");
            laptop.run("echo hi > /tmp/x");
            laptop.run("exit");

            assertThat(laptop.ok("docker exec web cat /tmp/x")).isEqualTo("hi\n");
        }

        @Test
        void theRestOfTheLineRunsOnceTheSessionEnds() {
            assertThat(laptop.run("docker exec -it web sh; echo back on the laptop").terminal()).isEmpty();

            assertThat(laptop.run("exit").stdout()).isEqualTo("back on the laptop\n");
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
        }

        @Test
        void theLinesTypedInsideAreInTheTerminalsHistory() {
            laptop.ok("docker exec -it web sh");
            laptop.run("ls /");
            laptop.run("exit");

            assertThat(laptop.sandbox.history()).containsExactly("docker run -d --name web nginx:alpine",
                    "docker exec -it web sh", "ls /", "exit");
        }

        @Test
        void aStoppedContainerEndsTheSessionWith137AndTheNextLineRunsOnTheLaptop() {
            laptop.ok("docker exec -it web sh");

            laptop.sandbox.containers().stop("web", Optional.empty());
            laptop.advance(Duration.ofSeconds(1));

            assertThat(shell.prompt()).isEqualTo(LAPTOP);
            CommandResult next = laptop.run("echo $?");
            assertThat(next.stdout()).isEqualTo("137\n");
            assertThat(laptop.run("docker exec -it web sh").stderr())
                    .isEqualTo("Error response from daemon: container " + container("web").id() + " is not running\n");
        }

        @Test
        void sleepInsideTakesItsTimeOnTheSandboxsClock() {
            laptop.ok("docker exec -it web sh");
            var before = laptop.sandbox.clock().now();

            laptop.run("sleep 30");

            assertThat(Duration.between(before, laptop.sandbox.clock().now())).isEqualTo(Duration.ofSeconds(30));
            assertThat(shell.prompt()).isEqualTo("/ # ");
        }

        @Test
        void withoutATtyTheShellReadsTheLinesButShowsNoPrompt() {
            laptop.ok("docker exec -i web sh");

            assertThat(shell.prompt()).isEmpty();
            assertThat(laptop.run("echo from stdin").stdout()).isEqualTo("from stdin\n");
            assertThat(laptop.run("exit").exitCode()).isZero();
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
        }

        @Test
        void withATtyButNoStdinTheShellSitsAtItsPromptUntilCtrlC() {
            CommandResult.Builder screen = CommandResult.builder();

            RunningCommand waiting = shell.start("docker exec -t web sh", screen);

            assertThat(waiting.isFinished()).isFalse();
            assertThat(screen.build(0).stderr()).isEqualTo("/ # ");
            laptop.advance(Duration.ofMinutes(1));
            assertThat(waiting.isFinished()).isFalse();
            waiting.interrupt();
            assertThat(waiting.result().exitCode()).isEqualTo(130);
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
        }

        @Test
        void withoutACommandDockerRefusesAsTheRealCliDoes() {
            CommandResult refused = laptop.run("docker exec -it web");

            assertThat(refused.stderr()).isEqualTo("""
                    docker: 'docker exec' requires at least 2 arguments

                    Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]

                    See 'docker exec --help' for more information
                    """);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
        }

        @Test
        void aCommandThatIsNotAShellRunsAsAPlainExec() {
            assertThat(laptop.run("docker exec -it web ls /usr/share/nginx/html").stdout())
                    .isEqualTo("50x.html  index.html\n");
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
        }
    }

    @Nested
    @DisplayName("in a Debian image (nginx)")
    class Debian {

        @BeforeEach
        void startNginx() {
            laptop.ok("docker run -d --name web nginx");
        }

        @Test
        void bashPromptsWithTheContainersIdAndSaysExitAsItLeaves() {
            laptop.ok("docker exec -it web bash");
            String host = container("web").shortId();

            assertThat(shell.prompt()).isEqualTo("root@" + host + ":/# ");
            laptop.run("cd /usr/share/nginx/html");
            assertThat(shell.prompt()).isEqualTo("root@" + host + ":/usr/share/nginx/html# ");
            assertThat(laptop.run("nope").stderr()).isEqualTo("bash: nope: command not found\n");
            CommandResult exited = laptop.run("exit");
            assertThat(exited.stderr()).isEqualTo("exit\n");
            assertThat(exited.exitCode()).isEqualTo(127);
        }

        @Test
        void shIsDashWhosePromptIsAHashAndWhoseErrorsCountTheLines() {
            laptop.ok("docker exec -it web sh");

            assertThat(shell.prompt()).isEqualTo("# ");
            assertThat(laptop.run("nope").stderr()).isEqualTo("sh: 1: nope: not found\n");
            laptop.run("cd /tmp");
            assertThat(laptop.run("nope").stderr()).isEqualTo("sh: 3: nope: not found\n");
            assertThat(shell.prompt()).isEqualTo("# ");
        }
    }

    @Nested
    @DisplayName("docker run -it: the container's own shell reads the terminal")
    class Run {

        @Test
        void alpinesShellIsPid1AndItsExitStopsTheContainerWithThatStatus() {
            CommandResult opened = laptop.run("docker run -it --name box alpine");

            assertThat(opened.exitCode()).isZero();
            assertThat(shell.prompt()).isEqualTo("/ # ");
            laptop.run("echo kept > /root/note");
            assertThat(laptop.run("exit 5").exitCode()).isEqualTo(5);
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
            assertThat(laptop.ok("docker ps -a --format '{{.Names}} {{.Status}}'")).isEqualTo("box Exited (5) Less than a second ago\n");
            assertThat(laptop.ok("docker start box")).isEqualTo("box\n");
            assertThat(laptop.ok("docker exec box cat /root/note")).isEqualTo("kept\n");
        }

        @Test
        void withRmTheContainerIsGoneAfterExit() {
            laptop.ok("docker run -it --rm ubuntu bash");
            assertThat(shell.prompt()).startsWith("root@").endsWith(":/# ");

            assertThat(laptop.run("exit").stderr()).isEqualTo("exit\n");
            assertThat(laptop.ok("docker ps -aq")).isEmpty();
        }

        @Test
        void detachedWithStdinOpenTheShellWaitsAndTheContainerStaysUp() {
            laptop.ok("docker run -dit --name box alpine");
            laptop.advance(Duration.ofMinutes(1));

            assertThat(laptop.ok("docker ps --format '{{.Names}} {{.Status}}'")).isEqualTo("box Up About a minute\n");
            laptop.ok("docker exec -it box sh");
            assertThat(shell.prompt()).isEqualTo("/ # ");
        }

        @Test
        void aServerImageWithDashItFollowsItsOutputAsBefore() {
            CommandResult.Builder screen = CommandResult.builder();

            RunningCommand attached = shell.start("docker run -it --name web nginx:alpine", screen);

            assertThat(attached.isFinished()).isFalse();
            assertThat(screen.build(0).stdout()).contains("Configuration complete; ready for start up");
            attached.detach();
            assertThat(shell.prompt()).isEqualTo(LAPTOP);
        }
    }

    private org.laymanlabs.sandbox.container.Container container(String name) {
        return laptop.sandbox.containers().containers().get(name);
    }
}
