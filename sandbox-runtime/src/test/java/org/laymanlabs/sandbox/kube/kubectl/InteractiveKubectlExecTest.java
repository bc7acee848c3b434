package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.Shell;
import org.laymanlabs.sandbox.kube.api.ApiResources;

@DisplayName("kubectl exec -it: a shell in a pod's container reads the terminal")
class InteractiveKubectlExecTest {

    private static final String LAPTOP = "learner@laptop:~$ ";

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    private final Shell shell = sandbox.shell();

    private CommandResult run(String line) {
        return shell.run(line);
    }

    private void runPod(String name, String image) {
        CommandResult created = run("kubectl run " + name + " --image=" + image);
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        sandbox.clock().advance(Duration.ofSeconds(5));
    }

    @Test
    void busyboxsAshPromptsWithItsWorkingDirectoryAndExitZeroSaysNothing() {
        runPod("web", "nginx:alpine");

        CommandResult opened = run("kubectl exec -it web -- sh");

        assertThat(opened.terminal()).isEmpty();
        assertThat(shell.prompt()).isEqualTo("/ # ");
        run("cd /etc/nginx");
        assertThat(shell.prompt()).isEqualTo("/etc/nginx # ");
        assertThat(run("ls conf.d").stdout()).isEqualTo("default.conf\n");
        CommandResult exited = run("exit");
        assertThat(exited.terminal()).isEmpty();
        assertThat(exited.exitCode()).isZero();
        assertThat(shell.prompt()).isEqualTo(LAPTOP);
    }

    @Test
    void bashNamesThePodAsItsHostAndANonZeroExitIsReportedByKubectl() {
        runPod("web", "nginx");

        run("kubectl exec -it web -- bash");
        assertThat(shell.prompt()).isEqualTo("root@web:/# ");
        CommandResult exited = run("exit 3");

        assertThat(exited.stderr()).isEqualTo("exit\ncommand terminated with exit code 3\n");
        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(run("echo $?").stdout()).isEqualTo("3\n");
    }

    @Test
    void aFileWrittenInTheSessionIsThereForTheNextExec() {
        runPod("web", "nginx:alpine");
        run("kubectl exec -it web -- sh");
        run("echo hi > /tmp/x");
        run("exit");

        assertThat(run("kubectl exec web -- cat /tmp/x").stdout()).isEqualTo("hi\n");
    }

    @Test
    void deletingThePodEndsTheSessionWith137AndKubectlSaysSoBeforeTheNextLine() {
        runPod("web", "nginx:alpine");
        run("kubectl exec -it web -- sh");

        sandbox.cluster().api().delete(ApiResources.PODS, "default", "web", DeletionPropagation.BACKGROUND, null);
        sandbox.clock().advance(Duration.ofSeconds(5));

        assertThat(shell.prompt()).isEqualTo(LAPTOP);
        CommandResult next = run("echo $?");
        assertThat(next.stderr()).isEqualTo("command terminated with exit code 137\n");
        assertThat(next.stdout()).isEqualTo("137\n");
    }

    @Test
    void aSessionEndedBetweenLinesWhoseLineThenFollowsSomethingDoesNotBlockTheNextLine() {
        runPod("web", "nginx:alpine");
        run("kubectl exec -it web -- sh; kubectl get pods -w");

        sandbox.cluster().api().delete(ApiResources.PODS, "default", "web", DeletionPropagation.BACKGROUND, null);
        sandbox.clock().advance(Duration.ofSeconds(5));

        CommandResult next = run("echo hello");
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.stdout()).endsWith("hello\n");
        assertThat(run("echo again").stdout()).isEqualTo("again\n");
    }

    @Test
    void withoutStdinKubectlDropsTheTtyAndTheShellEndsAtOnce() {
        runPod("web", "nginx:alpine");

        CommandResult ran = run("kubectl exec -t web -- sh");

        assertThat(ran.terminal()).isEmpty();
        assertThat(ran.exitCode()).isZero();
        assertThat(shell.prompt()).isEqualTo(LAPTOP);
    }

    @Test
    void withStdinButNoTtyTheShellReadsTheLinesWithoutAPrompt() {
        runPod("web", "nginx:alpine");

        run("kubectl exec -i web -- sh");

        assertThat(shell.prompt()).isEmpty();
        assertThat(run("echo read").stdout()).isEqualTo("read\n");
        assertThat(run("exit 1").stderr()).isEqualTo("command terminated with exit code 1\n");
    }

    @Test
    void aCommandThatIsNotAShellRunsOnceAsWithoutDashI() {
        runPod("web", "nginx:alpine");

        assertThat(run("kubectl exec -it web -- ls /usr/share/nginx/html").stdout()).isEqualTo("50x.html  index.html\n");
        assertThat(shell.prompt()).isEqualTo(LAPTOP);
    }
}
