package org.laymanlabs.sandbox.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laymanlabs.sandbox.Fault;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * A checkpoint is the sandbox: one restored from it, given the same inputs as the sandbox that was
 * saved, answers every command the same way and ends in the same state, down to its next checkpoint.
 * Each scenario brings a sandbox to a state worth saving, saves it, then runs the same lines and the
 * same stretch of time on the original and on the restored copy and compares what a learner (and a
 * grader) could see, down to the clock's next timer and the random generator's next number.
 */
class CheckpointRoundTripTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    readinessProbe:
                      httpGet: {path: /, port: 80}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - port: 80
            """;

    /** What a learner and the grader could look at, as one text to compare. */
    private static final List<String> LOOKS = List.of(
            "date", "docker ps -a --no-trunc", "docker images -a", "docker network ls", "iptables-save -c",
            "conntrack -L", "ls -la /");
    private static final List<String> CLUSTER_LOOKS = List.of(
            "kubectl get all,endpointslices,events,leases -A -o yaml", "etcdctl get / --prefix",
            "etcdctl endpoint status -w table", "node-shell worker-1 iptables-save -c", "node-shell worker-2 conntrack -L",
            "node-shell control-plane crictl ps -a");

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("a cluster that has just booted", cluster(), s -> { }),
                scenario("a cluster a minute after boot", cluster(), s -> s.clock().advance(Duration.ofMinutes(1))),
                scenario("a Deployment and its Service, all Ready", cluster(), s -> {
                    s.workspace().write(Workspace.HOME + "/web.yaml", WEB);
                    s.shell().run("kubectl apply -f web.yaml");
                    s.clock().advance(Duration.ofSeconds(30));
                    s.shell().run("node-shell worker-1 curl -s web.default.svc.cluster.local");
                }),
                scenario("a cluster after a scale down and a stopped node", cluster(), s -> {
                    s.workspace().write(Workspace.HOME + "/web.yaml", WEB);
                    s.shell().run("kubectl apply -f web.yaml");
                    s.clock().advance(Duration.ofSeconds(20));
                    s.shell().run("kubectl scale deployment web --replicas=1");
                    s.inject(new Fault.StopNode("worker-2"));
                    s.clock().advance(Duration.ofSeconds(70));
                }),
                scenario("containers, a network and a published port", docker(), s -> {
                    s.shell().run("docker network create shop");
                    s.shell().run("docker run -d --name web --network shop -p 8080:80 nginx");
                    s.shell().run("docker run -d --name cache --network shop redis");
                    s.shell().run("curl -s localhost:8080");
                    s.shell().run("docker exec web ls /etc/nginx");
                    s.clock().advance(Duration.ofSeconds(5));
                }),
                scenario("an image built from the workspace", docker(), s -> {
                    s.workspace().write("/Dockerfile", "FROM alpine\nRUN echo hi > /greeting\nCMD [\"cat\", \"/greeting\"]\n");
                    s.shell().run("docker build -t greeter .");
                    s.shell().run("docker run --name once greeter");
                }),
                scenario("an interactive shell open in a container", docker(), s -> {
                    s.shell().run("docker run -d --name web nginx:alpine");
                    s.shell().run("docker exec -it web sh");
                    s.shell().run("cd /etc/nginx");
                    s.shell().run("X=42");
                }),
                scenario("a shell that is a container's PID 1, open", docker(), s -> {
                    s.shell().run("docker run -it --name box alpine sh");
                    s.shell().run("cd /tmp");
                    s.shell().run("X=42");
                }),
                scenario("a container restarting in a loop", docker(), s -> {
                    s.shell().run("docker run -d --name flaky --restart always alpine sh -c 'echo starting; exit 3'");
                    s.clock().advance(Duration.ofSeconds(5));
                }),
                scenario("an interactive shell open in a pod", cluster(), s -> {
                    s.shell().run("kubectl run box --image=busybox -- sleep 3600");
                    s.clock().advance(Duration.ofSeconds(30));
                    s.shell().run("kubectl exec -it box -- sh");
                    s.shell().run("cd /tmp");
                    s.shell().run("X=42");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aRestoredSandboxGoesOnExactlyAsTheOneThatWasSaved(String name, SandboxSpec spec, Consumer<Sandbox> before) {
        Sandbox original = Sandbox.create(spec);
        before.accept(original);
        assertThat(Checkpoints.survey(original)).as("lambdas that keep the sandbox from being checkpointed").isEmpty();

        byte[] checkpoint = Checkpoints.save(original);
        Sandbox restored = Checkpoints.restore(checkpoint);

        List<String> afterwards = List.of("echo $X; pwd", "exit", "docker run -d --name later busybox sleep 600",
                "kubectl create deployment api --image=nginx:alpine --replicas=2", "kubectl get pods -o wide");
        assertThat(goOn(restored, afterwards, spec)).isEqualTo(goOn(original, afterwards, spec));
        // Down to its bytes: the restored sandbox, driven on alike, checkpoints to what the original
        // does (CheckpointDeterminismTest says why that holds), and that checkpoint restores too.
        byte[] next = Checkpoints.save(restored);
        assertThat(next).isEqualTo(Checkpoints.save(original));
        Sandbox again = Checkpoints.restore(next);
        assertThat(again.shell().run("docker ps -a --no-trunc").stdout()).isEqualTo(original.shell().run("docker ps -a --no-trunc").stdout());
    }

    private static List<String> goOn(Sandbox sandbox, List<String> lines, SandboxSpec spec) {
        List<String> seen = new ArrayList<>();
        for (String line : lines) {
            seen.add(line + "\n" + sandbox.shell().run(line));
            sandbox.clock().advance(Duration.ofSeconds(3));
        }
        sandbox.clock().advance(Duration.ofSeconds(40));
        for (String look : LOOKS) {
            seen.add(look + "\n" + sandbox.shell().run(look));
        }
        if (sandbox.hasCluster()) {
            for (String look : CLUSTER_LOOKS) {
                seen.add(look + "\n" + sandbox.shell().run(look));
            }
        }
        seen.add("next timer " + sandbox.clock().nextDue() + " random " + sandbox.random().nextLong());
        return seen;
    }

    private static Arguments scenario(String name, SandboxSpec spec, Consumer<Sandbox> before) {
        return Arguments.of(name, spec, before);
    }

    private static SandboxSpec cluster() {
        return new SandboxSpec(11, START);
    }

    private static SandboxSpec docker() {
        return new SandboxSpec(5, START, ClusterSpec.none(), List.of(), List.of(), List.of());
    }
}
