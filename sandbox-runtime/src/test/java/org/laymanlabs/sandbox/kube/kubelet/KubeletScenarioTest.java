package org.laymanlabs.sandbox.kube.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

@DisplayName("Given a 3-node cluster whose kubelets run containers through containerd")
class KubeletScenarioTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    private String ok(String line) {
        CommandResult result = run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result.stdout();
    }

    private void apply(String yaml) {
        sandbox.workspace().write(org.laymanlabs.sandbox.workspace.Workspace.HOME + "/pod.yaml", yaml);
        ok("kubectl apply -f pod.yaml");
    }

    private void advance(Duration by) {
        sandbox.clock().advance(by);
    }

    private Pod pod(String name) {
        return sandbox.cluster().api().get(Pod.class, "default", name).orElseThrow();
    }

    private ContainerStatus status(String pod, String container) {
        return pod(pod).getStatus().getContainerStatuses().stream().filter(s -> s.getName().equals(container)).findFirst()
                .orElseThrow();
    }

    private List<String> events(String pod) {
        return sandbox.cluster().api().list(Event.class, "default").stream()
                .filter(e -> e.getInvolvedObject().getName().equals(pod)).map(e -> e.getReason() + ": " + e.getMessage()).toList();
    }

    @Test
    void aDeploymentOfNginxAnswersCurlFromAnotherPodAndFromANodeAtItsPodIp() {
        ok("kubectl create deployment web --image=nginx:1.27 --replicas=2");
        ok("kubectl run client --image=nginx:1.27");
        advance(Duration.ofSeconds(6));
        List<String> ips = sandbox.cluster().api().list(Pod.class, "default").stream()
                .filter(p -> p.getMetadata().getName().startsWith("web-")).map(p -> p.getStatus().getPodIP()).toList();

        assertThat(ips).hasSize(2);
        for (String ip : ips) {
            assertThat(ok("kubectl exec client -- curl -s " + ip)).contains("<title>Welcome to nginx!</title>");
            assertThat(ok("node-shell worker-1 curl -s -o /dev/null -w '%{http_code}' " + ip)).isEqualTo("200");
        }
        assertThat(ok("kubectl logs deploy/web")).contains("GET / HTTP/1.1\" 200 615 \"-\" \"curl/");
    }

    @Test
    void aPodOnOneNodeReachesAPodOnTheOtherAndIsSeenWithItsOwnAddress() {
        ok("kubectl run a --image=nginx:1.27 --overrides={\"spec\":{\"nodeName\":\"worker-1\"}}");
        ok("kubectl run b --image=nginx:1.27 --overrides={\"spec\":{\"nodeName\":\"worker-2\"}}");
        advance(Duration.ofSeconds(4));
        String a = pod("a").getStatus().getPodIP();
        String b = pod("b").getStatus().getPodIP();

        ok("kubectl exec a -- curl -s " + b);

        assertThat(a).startsWith("10.244.1.");
        assertThat(b).startsWith("10.244.2.");
        assertThat(ok("kubectl logs b")).contains(a + " - - [");
    }

    @Test
    void twoContainersOfAPodTalkOverLocalhostAndASecondServerOnTheSamePortFails() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: two
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                  - name: echo
                    image: hashicorp/http-echo
                    args: ["-text=hello", "-listen=:5678"]
                  - name: clash
                    image: nginx:1.27
                """);
        advance(Duration.ofSeconds(5));

        assertThat(ok("kubectl exec two -- curl -s localhost:5678")).isEqualTo("hello\n");
        assertThat(run("kubectl exec two -c clash -- true").stderr())
                .isEqualTo("error: unable to upgrade connection: container not found (\"clash\")\n");
        assertThat(ok("kubectl logs two -c clash --previous")).contains(
                "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)");
        assertThat(status("two", "clash").getLastState().getTerminated().getExitCode()).isEqualTo(1);
        assertThat(ok("kubectl get pod two")).isEqualTo("""
                NAME   READY   STATUS             RESTARTS     AGE
                two    2/3     CrashLoopBackOff   1 (4s ago)   5s
                """);
    }

    /** The instants a pod's container status turned to {@code reason}, as the API shows it. */
    private List<Instant> whenReason(String pod, String reason, Duration over) {
        List<Instant> seen = new ArrayList<>();
        String[] last = {""};
        var observation = sandbox.clock().observe(() -> sandbox.cluster().api().get(Pod.class, "default", pod)
                .filter(p -> !p.getStatus().getContainerStatuses().isEmpty()).ifPresent(p -> {
                    var state = p.getStatus().getContainerStatuses().get(0).getState();
                    String now = state.getWaiting() != null ? state.getWaiting().getReason() : state.getRunning() != null ? "Running" : "Terminated";
                    if (now.equals(reason) && !last[0].equals(reason)) {
                        seen.add(sandbox.clock().now());
                    }
                    last[0] = now;
                }));
        advance(over);
        observation.cancel();
        return seen;
    }

    private static List<Long> gapsInSeconds(List<Instant> instants) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < instants.size(); i++) {
            gaps.add(Math.round(Duration.between(instants.get(i - 1), instants.get(i)).toMillis() / 1000.0));
        }
        return gaps;
    }

    @Test
    void aMisspelledImageFailsWithErrImagePullThenBacksOffTenTwentyFortySecondsBetweenPulls() {
        ok("kubectl run bad --image=ngnix");

        List<Instant> failures = whenReason("bad", "ErrImagePull", Duration.ofSeconds(160));

        assertThat(gapsInSeconds(failures)).containsExactly(10L, 20L, 40L, 80L);
        ContainerStatus status = status("bad", "bad");
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
        assertThat(status.getState().getWaiting().getMessage()).isEqualTo("Back-off pulling image \"ngnix\"");
        assertThat(events("bad")).contains("Pulling: Pulling image \"ngnix\"",
                "Failed: Failed to pull image \"ngnix\": failed to pull and unpack image \"docker.io/library/ngnix:latest\":"
                        + " failed to resolve reference \"docker.io/library/ngnix:latest\": pull access denied, repository does"
                        + " not exist or may require authorization: server message: insufficient_scope: authorization failed",
                "Failed: Error: ErrImagePull", "BackOff: Back-off pulling image \"ngnix\"", "Failed: Error: ImagePullBackOff");
        assertThat(run("kubectl logs bad").stderr()).isEqualTo(
                "Error from server (BadRequest): container \"bad\" in pod \"bad\" is waiting to start: trying and failing to pull image\n");
    }

    @Test
    void anImageThatIsNotOnTheNodeWithPolicyNeverIsErrImageNeverPull() {
        ok("kubectl run never --image=nginx:1.27 --image-pull-policy=Never");
        advance(Duration.ofSeconds(3));

        ContainerStatus status = status("never", "never");
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("ErrImageNeverPull");
        assertThat(status.getState().getWaiting().getMessage())
                .isEqualTo("Container image \"nginx:1.27\" is not present with pull policy of Never");
    }

    @Test
    void aCrashingContainerRestartsAtOnceThenAfterTenTwentyFortyEightySecondsInCrashLoopBackOff() {
        List<Instant> starts = new ArrayList<>();
        sandbox.cluster().kubelets().forEach(k -> k.runtime().onExit(c -> {
            if (c.name().equals("crash")) {
                starts.add(c.startedAt().orElseThrow());
            }
        }));
        ok("kubectl run crash --image=busybox:1.36 -- sh -c \"echo starting; exit 1\"");

        advance(Duration.ofSeconds(200));

        assertThat(gapsInSeconds(starts)).containsExactly(0L, 10L, 20L, 40L, 80L);
        String node = pod("crash").getSpec().getNodeName();
        assertThat(sandbox.cluster().kubelet(node).runtime().containers().stream().filter(c -> c.name().equals("crash")))
                .as("the garbage collector keeps the latest attempt and the one before").hasSize(2);
        ContainerStatus status = status("crash", "crash");
        assertThat(status.getRestartCount()).isEqualTo(5);
        assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(status.getState().getWaiting().getMessage()).isEqualTo("back-off 2m40s restarting failed container=crash pod=crash_default("
                + pod("crash").getMetadata().getUid() + ")");
        assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("Error");
        assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
        assertThat(status.getLastState().getTerminated().getContainerID()).matches("containerd://[0-9a-f]{64}");
        assertThat(ok("kubectl logs crash --previous")).isEqualTo("starting\n");
        assertThat(events("crash")).contains("BackOff: Back-off restarting failed container crash in pod crash_default("
                + pod("crash").getMetadata().getUid() + ")", "Created: Created container: crash", "Started: Started container crash");
    }

    @Test
    void aProgramOverItsMemoryLimitIsOomKilled() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: memory-demo
                spec:
                  containers:
                  - name: memory-demo-ctr
                    image: polinux/stress
                    resources:
                      requests:
                        memory: "50Mi"
                      limits:
                        memory: "100Mi"
                    command: ["stress"]
                    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
                """);
        advance(Duration.ofSeconds(4));

        var terminated = status("memory-demo", "memory-demo-ctr").getLastState().getTerminated();
        assertThat(terminated.getReason()).isEqualTo("OOMKilled");
        assertThat(terminated.getExitCode()).isEqualTo(137);
    }

    @Test
    void initContainersRunInOrderToCompletionBeforeTheAppContainers() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: init-demo
                spec:
                  initContainers:
                  - name: wait
                    image: busybox:1.36
                    command: ["sleep", "5"]
                  containers:
                  - name: web
                    image: nginx:1.27
                """);
        advance(Duration.ofSeconds(2));
        assertThat(ok("kubectl get pod init-demo")).contains("0/1     Init:0/1   0");
        assertThat(status("init-demo", "web").getState().getWaiting().getReason()).isEqualTo("PodInitializing");

        advance(Duration.ofSeconds(6));

        assertThat(ok("kubectl get pod init-demo")).contains("1/1     Running   0");
        assertThat(pod("init-demo").getStatus().getInitContainerStatuses().get(0).getState().getTerminated().getReason())
                .isEqualTo("Completed");
        assertThat(run("kubectl logs init-demo").stderr()).isEqualTo("Defaulted container \"web\" out of: web, wait (init)\n");
    }

    @Test
    void aFailingInitContainerShowsInitErrorThenInitCrashLoopBackOff() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: init-fail
                spec:
                  initContainers:
                  - name: check
                    image: busybox:1.36
                    command: ["sh", "-c", "exit 2"]
                  containers:
                  - name: web
                    image: nginx:1.27
                """);
        advance(Duration.ofSeconds(3));

        assertThat(ok("kubectl get pod init-fail")).contains("Init:CrashLoopBackOff");
        assertThat(pod("init-fail").getStatus().getPhase()).isEqualTo("Pending");
    }

    @Test
    void deletingAPodSendsTheStopSignalAndKillsWhatIgnoresItAfterTheGracePeriod() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: sleeper
                spec:
                  terminationGracePeriodSeconds: 5
                  containers:
                  - name: sleep
                    image: busybox:1.36
                    command: ["sleep", "3600"]
                """);
        advance(Duration.ofSeconds(3));
        String node = pod("sleeper").getSpec().getNodeName();
        String uid = pod("sleeper").getMetadata().getUid();
        Instant deleted = sandbox.clock().now();

        assertThat(ok("kubectl delete pod sleeper")).isEqualTo("pod \"sleeper\" deleted\n");

        assertThat(sandbox.cluster().api().get(Pod.class, "default", "sleeper")).isEmpty();
        assertThat(Duration.between(deleted, sandbox.clock().now())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7));
        assertThat(sandbox.cluster().kubelet(node).runtime().sandboxes()).noneMatch(p -> p.config().uid().equals(uid));
        assertThat(sandbox.cluster().kubelet(node).podNamespace(uid)).isEmpty();
    }

    @Test
    void crictlOnANodeListsThePodSandboxesTheirPauseContainersStayOutOfPsAndTheNodesImages() {
        ok("kubectl run web --image=nginx:1.27 --overrides={\"spec\":{\"nodeName\":\"worker-1\"}}");
        advance(Duration.ofSeconds(3));
        String id = status("web", "web").getContainerID().substring("containerd://".length());
        String podId = sandbox.cluster().kubelet("worker-1").runtime().sandboxes().stream()
                .filter(p -> p.config().name().equals("web")).findFirst().orElseThrow().id();

        // Beside the learner's pod, a kubeadm worker runs kube-proxy and here one of CoreDNS's two pods.
        String ps = ok("node-shell worker-1 crictl ps");
        assertThat(ps.lines().findFirst().orElseThrow()).matches("CONTAINER +IMAGE +CREATED +STATE +NAME +ATTEMPT +POD ID +POD");
        assertThat(ps).containsPattern(id.substring(0, 13) + " +f9367a0ae3c44 +1 second ago +Running +web +0 +"
                + podId.substring(0, 13) + " +web\n").containsPattern(" Running +kube-proxy +0 +\\w{13} +kube-proxy-\\w{5}\n")
                .doesNotContain("pause");
        assertThat(ok("node-shell worker-1 crictl pods")).startsWith("POD ID ").containsPattern(
                podId.substring(0, 13) + " +2 seconds ago +Ready +web +default +0 +\\(default\\)\n");
        assertThat(ok("node-shell worker-1 crictl images")).startsWith("IMAGE ")
                .containsPattern("docker.io/library/nginx +1.27 +f9367a0ae3c44 +76.8MB\n")
                .containsPattern("registry.k8s.io/pause +3.10 +cab46f3c2ad80 +298kB\n");
        assertThat(ok("node-shell worker-1 crictl logs " + id.substring(0, 13))).endsWith("Configuration complete; ready for start up\n");
        assertThat(run("node-shell worker-1 crictl logs " + id.substring(0, 13)).stderr()).contains("[notice] 1#1: start worker processes");
        assertThat(ok("node-shell worker-1 crictl inspect " + id)).contains("\"state\": \"CONTAINER_RUNNING\"",
                "\"io.kubernetes.pod.name\": \"web\"", "\"sandboxID\": \"" + podId + "\"");
        assertThat(ok("node-shell worker-1 crictl exec " + id + " ls /usr/share/nginx/html")).contains("index.html");
        assertThat(run("crictl ps").stderr()).isEqualTo("bash: crictl: command not found\n");
        assertThat(run("node-shell worker-1 crictl logs nope").stderr()).isEqualTo("FATA[0000] rpc error: code = NotFound desc ="
                + " an error occurred when try to find container \"nope\": not found\n");
    }

    @Test
    void kubectlLogsAndExecSpeakKubectlsErrors() {
        apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: duo
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                  - name: echo
                    image: hashicorp/http-echo
                    args: ["-text=hi"]
                """);
        advance(Duration.ofMillis(200));

        assertThat(run("kubectl logs duo -c web").stderr()).isEqualTo(
                "Error from server (BadRequest): container \"web\" in pod \"duo\" is waiting to start: ContainerCreating\n");
        advance(Duration.ofSeconds(4));

        CommandResult defaulted = run("kubectl exec duo -- curl -s localhost:5678");
        assertThat(defaulted.stdout()).isEqualTo("hi\n");
        assertThat(defaulted.stderr()).isEqualTo("Defaulted container \"web\" out of: web, echo\n");
        assertThat(run("kubectl logs duo -c nope").stderr()).isEqualTo("error: container nope is not valid for pod duo\n");
        assertThat(run("kubectl logs duo -c web --previous").stderr()).isEqualTo(
                "Error from server (BadRequest): previous terminated container \"web\" in pod \"duo\" not found\n");
        CommandResult failed = run("kubectl exec duo -c web -- ls /nope");
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.stderr()).endsWith("command terminated with exit code 2\n");
        assertThat(run("kubectl logs ghost").stderr()).isEqualTo("Error from server (NotFound): pods \"ghost\" not found\n");
        assertThat(ok("kubectl logs duo -c echo --tail=1")).endsWith("\n").doesNotContain("\n\n");
    }

    @Test
    void kubectlLogsFollowPrintsEachLineWhenTheClockReachesItAndEndsWithTheContainer() {
        ok("kubectl run ab --image=busybox:1.36 --restart=Never -- sh -c \"echo a; sleep 2; echo b\"");
        advance(Duration.ofMillis(1500));
        StringBuilder screen = new StringBuilder();

        org.laymanlabs.sandbox.RunningCommand logs = sandbox.shell().start("kubectl logs -f ab", (stream, text) -> screen.append(text));
        assertThat(screen).hasToString("a\n");
        assertThat(logs.isFinished()).isFalse();

        advance(Duration.ofSeconds(2));

        assertThat(screen).hasToString("a\nb\n");
        assertThat(logs.isFinished()).isTrue();
        assertThat(pod("ab").getStatus().getPhase()).isEqualTo("Succeeded");
    }
}
