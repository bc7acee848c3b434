package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.sandbox.CommandResult;

/**
 * The real kubectl 1.32 against a sandbox's Kubernetes API (issue #10), with the kubeconfig a
 * learner downloads. kubectl lays out {@code get} from the server's Table, so where the sandbox's
 * own shell has the same command, both must print the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The real kubectl against a sandbox")
class KubectlTest {

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports:
                    - containerPort: 80
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                app: web
              ports:
              - port: 80
                targetPort: 80
            """;

    private KubeApiFixture api;
    private Kubectl kubectl;
    private Kubectl.Run applied;
    private Kubectl.Run rolledOut;

    @BeforeAll
    void applyAWebDeploymentAndService(@TempDir Path home) throws Exception {
        Optional<Path> executable = Kubectl.find();
        if (executable.isEmpty()) {
            System.out.println("KubectlTest skipped: no kubectl on PATH");
        }
        Assumptions.assumeTrue(executable.isPresent(), "no kubectl on this machine");
        api = KubeApiFixture.shared();
        kubectl = Kubectl.configured(executable.get(), home, api.kubeconfig());
        Files.writeString(home.resolve("web.yaml"), WEB);
        applied = kubectl.run("apply", "-f", "web.yaml");
        rolledOut = kubectl.run("rollout", "status", "deployment/web", "--timeout=60s");
    }

    @AfterAll
    void removeTheWebDeployment() throws Exception {
        if (kubectl != null) {
            kubectl.run("delete", "-f", "web.yaml", "--wait=false");
        }
    }

    private CommandResult shell(String line) {
        return api.sandbox.read(s -> s.shell().run(line));
    }

    /** AGE is the only column that may tick between the two reads. */
    private static String withoutAges(String table) {
        return table.replaceAll("\\b\\d+(s|m|h|d)(\\d+(s|m))?\\b", "AGE");
    }

    @Test
    void getNodesPrintsTheServersTableAsTheSandboxShellDoes() throws Exception {
        Kubectl.Run nodes = kubectl.run("get", "nodes");

        assertThat(nodes.exitCode()).isZero();
        assertThat(nodes.stdout()).startsWith("NAME            STATUS   ROLES           AGE")
                .contains("control-plane   Ready    control-plane");
        assertThat(withoutAges(nodes.stdout())).isEqualTo(withoutAges(shell("kubectl get nodes").stdout()));
    }

    @Test
    void applyCreatesTheDeploymentAndServiceAndRolloutStatusWaitsUntilTheyAreReady() {
        assertThat(applied.stderr()).isEmpty();
        assertThat(applied.stdout()).isEqualTo("deployment.apps/web created\nservice/web created\n");
        assertThat(rolledOut.exitCode()).isZero();
        assertThat(rolledOut.stdout()).endsWith("deployment \"web\" successfully rolled out\n");
        Integer ready = api.sandbox.read(s -> s.cluster().api().get(io.fabric8.kubernetes.api.model.apps.Deployment.class,
                "default", "web").orElseThrow().getStatus().getReadyReplicas());
        assertThat(ready).isEqualTo(2);
    }

    @Test
    void applyingAChangedManifestConfiguresTheObjectWithAPatch() throws Exception {
        Files.writeString(kubectl.home().resolve("settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                + "data:\n  color: blue\n");
        assertThat(kubectl.run("apply", "-f", "settings.yaml").stdout()).isEqualTo("configmap/settings created\n");
        Files.writeString(kubectl.home().resolve("settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                + "data:\n  color: green\n");

        Kubectl.Run again = kubectl.run("apply", "-f", "settings.yaml");

        assertThat(again.stdout()).isEqualTo("configmap/settings configured\n");
        assertThat(shell("kubectl get configmap settings -o jsonpath={.data.color}").stdout()).isEqualTo("green");
        assertThat(kubectl.run("apply", "-f", "settings.yaml").stdout()).isEqualTo("configmap/settings unchanged\n");
    }

    @Test
    void describeShowsThePodAndItsEvents() throws Exception {
        String pod = webPod();

        Kubectl.Run described = kubectl.run("describe", "pod", pod);

        assertThat(described.exitCode()).isZero();
        assertThat(described.stdout()).startsWith("Name:             " + pod + "\nNamespace:        default\n")
                .contains("Status:           Running")
                .contains("Normal  Started    ")
                .contains("kubelet            Started container nginx");
    }

    @Test
    void logsPrintTheContainersLogAsTheSandboxShellDoes() throws Exception {
        String pod = webPod();

        Kubectl.Run logs = kubectl.run("logs", pod);

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.stdout()).contains("Configuration complete; ready for start up")
                .isEqualTo(shell("kubectl logs " + pod).stdout());
    }

    @Test
    void execInAPodReachesTheServiceThroughTheSandbox() throws Exception {
        Kubectl.Run curl = kubectl.run("exec", "deploy/web", "--", "curl", "-s", "http://web");

        assertThat(curl.exitCode()).isZero();
        assertThat(curl.stdout()).contains("<title>Welcome to nginx!</title>");
    }

    @Test
    void execEndsWithTheCommandsExitCodeAsKubectlReportsIt() throws Exception {
        Kubectl.Run ls = kubectl.run("exec", webPod(), "--", "ls", "/nope");

        assertThat(ls.exitCode()).isEqualTo(2);
        assertThat(ls.stderr()).isEqualTo("ls: cannot access '/nope': No such file or directory\n"
                + "command terminated with exit code 2\n");
    }

    @Test
    void anInteractiveShellIsRefusedWithTheReasonRatherThanEndingAtOnceAsIfItHadRun() throws Exception {
        Kubectl.Run sh = kubectl.run("exec", "-i", webPod(), "--", "sh");

        assertThat(sh.exitCode()).isEqualTo(1);
        assertThat(sh.stderr()).contains("interactive sessions are not served over the sandbox's Kubernetes API")
                .contains("open the shell in the Layman Labs terminal");
    }

    @Test
    void deleteRemovesThePodAndWaitsUntilItIsGone() throws Exception {
        assertThat(kubectl.run("run", "doomed", "--image=nginx:1.27").stdout()).isEqualTo("pod/doomed created\n");

        Kubectl.Run deleted = kubectl.run("delete", "pod", "doomed");

        assertThat(deleted.stdout()).isEqualTo("pod \"doomed\" deleted\n");
        assertThat(deleted.exitCode()).isZero();
        assertThat(shell("kubectl get pod doomed").stderr()).isEqualTo("Error from server (NotFound): pods \"doomed\" not found\n");
    }

    @Test
    void getWatchPrintsTheListAndThenEachChange() throws Exception {
        shell("kubectl run watched --image=nginx:1.27 --labels=app=watched");
        Process watch = kubectl.start("get", "pods", "-l", "app=watched", "-w");
        try {
            List<String> first = Kubectl.lines(watch, 2);
            shell("kubectl label pod watched tier=front");
            first = new java.util.ArrayList<>(first);
            first.addAll(Kubectl.lines(watch, 1));

            assertThat(first.get(0)).startsWith("NAME      READY   STATUS");
            assertThat(first.get(1)).startsWith("watched   ");
            assertThat(first.get(2)).startsWith("watched   ");
        } finally {
            watch.destroy();
            shell("kubectl delete pod watched --wait=false");
        }
    }

    @Test
    void scalePatchesTheScaleSubresource() throws Exception {
        Files.writeString(kubectl.home().resolve("scaled.yaml"), WEB.substring(0, WEB.indexOf("---")).replace("web", "scaled"));
        kubectl.run("apply", "-f", "scaled.yaml");

        Kubectl.Run scaled = kubectl.run("scale", "deployment", "scaled", "--replicas=3");

        assertThat(scaled.stdout()).isEqualTo("deployment.apps/scaled scaled\n");
        Integer replicas = api.sandbox.read(s -> s.cluster().api().get(io.fabric8.kubernetes.api.model.apps.Deployment.class,
                "default", "scaled").orElseThrow().getSpec().getReplicas());
        assertThat(replicas).isEqualTo(3);
        kubectl.run("delete", "deployment", "scaled", "--wait=false");
    }

    @Test
    void serverSideApplyPatchesWithItsFieldManager() throws Exception {
        Files.writeString(kubectl.home().resolve("ssa.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n"
                + "data:\n  mode: server\n");

        Kubectl.Run applied = kubectl.run("apply", "--server-side", "-f", "ssa.yaml");

        assertThat(applied.stdout()).isEqualTo("configmap/ssa serverside-applied\n");
        assertThat(shell("kubectl get configmap ssa -o jsonpath={.data.mode}").stdout()).isEqualTo("server");
    }

    @Test
    void explainReadsTheServersOpenApiAsTheSandboxShellPrintsIt() throws Exception {
        Kubectl.Run explained = kubectl.run("explain", "pod.spec.restartPolicy");

        assertThat(explained.exitCode()).isZero();
        assertThat(explained.stdout()).startsWith("KIND:       Pod\nVERSION:    v1\n\nFIELD: restartPolicy <string>\n")
                .isEqualTo(shell("kubectl explain pod.spec.restartPolicy").stdout());
    }

    @Test
    void logsFollowKeepsTheStreamOpen() throws Exception {
        Process follow = kubectl.start("logs", "-f", webPod());
        try {
            assertThat(Kubectl.lines(follow, 1)).containsExactly(
                    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
            assertThat(follow.isAlive()).isTrue();
        } finally {
            follow.destroy();
        }
    }

    @Test
    void aTypedCreateOfAConfigMapSendsProtobufWhichTheServerReads() throws Exception {
        Kubectl.Run created = kubectl.run("create", "configmap", "typed", "--from-literal=colour=blue", "--from-literal=size=");

        assertThat(created.stderr()).isEmpty();
        assertThat(created.stdout()).isEqualTo("configmap/typed created\n");
        assertThat(shell("kubectl get configmap typed -o jsonpath={.data}").stdout()).isEqualTo("{\"colour\":\"blue\",\"size\":\"\"}");
        kubectl.run("delete", "configmap", "typed");
    }

    @Test
    void aTypedCreateOfASecretKeepsItsBytes() throws Exception {
        Kubectl.Run created = kubectl.run("create", "secret", "generic", "db", "--from-literal=password=s3cr3t");

        assertThat(created.stdout()).isEqualTo("secret/db created\n");
        assertThat(shell("kubectl get secret db -o jsonpath={.data.password}").stdout()).isEqualTo("czNjcjN0");
        assertThat(shell("kubectl get secret db -o jsonpath={.type}").stdout()).isEqualTo("Opaque");
        kubectl.run("delete", "secret", "db");
    }

    @Test
    void createDeploymentMakesPodsThatBecomeReady() throws Exception {
        Kubectl.Run created = kubectl.run("create", "deployment", "hello", "--image=nginx:1.27", "--replicas=2", "--port=80");

        assertThat(created.stderr()).isEmpty();
        assertThat(created.stdout()).isEqualTo("deployment.apps/hello created\n");
        assertThat(kubectl.run("rollout", "status", "deployment/hello", "--timeout=60s").stdout())
                .endsWith("deployment \"hello\" successfully rolled out\n");
        assertThat(shell("kubectl get deployment hello -o jsonpath={.spec.template.spec.containers[0].ports[0].containerPort}")
                .stdout()).isEqualTo("80");
        assertThat(shell("kubectl get pods -l app=hello -o name").stdout().lines()).hasSize(2);
        kubectl.run("delete", "deployment", "hello", "--wait=false");
    }

    @Test
    void aTypedCreateOfZeroReplicasKeepsTheZero() throws Exception {
        Kubectl.Run created = kubectl.run("create", "deployment", "idle", "--image=nginx:1.27", "--replicas=0");

        assertThat(created.stdout()).isEqualTo("deployment.apps/idle created\n");
        assertThat(shell("kubectl get deployment idle -o jsonpath={.spec.replicas}").stdout()).isEqualTo("0");
        kubectl.run("delete", "deployment", "idle", "--wait=false");
    }

    @Test
    void aTypedCreateOfAnInvalidNameGetsTheServersValidationError() throws Exception {
        Kubectl.Run created = kubectl.run("create", "namespace", "Not_Valid");

        assertThat(created.exitCode()).isEqualTo(1);
        assertThat(created.stderr()).startsWith("The Namespace \"Not_Valid\" is invalid: metadata.name: Invalid value: \"Not_Valid\":");
    }

    @Test
    void createServiceAndNamespaceAreTypedCreatesToo() throws Exception {
        assertThat(kubectl.run("create", "namespace", "team").stdout()).isEqualTo("namespace/team created\n");
        Kubectl.Run service = kubectl.run("create", "service", "nodeport", "shop", "--tcp=8080:80", "-n", "team");

        assertThat(service.stdout()).isEqualTo("service/shop created\n");
        assertThat(shell("kubectl get service shop -n team -o jsonpath={.spec.ports[0].targetPort}").stdout()).isEqualTo("80");
        assertThat(shell("kubectl get service shop -n team -o jsonpath={.spec.type}").stdout()).isEqualTo("NodePort");
        kubectl.run("delete", "namespace", "team", "--wait=false");
    }

    @Test
    void aMissingObjectIsTheServersNotFound() throws Exception {
        Kubectl.Run missing = kubectl.run("get", "pod", "nope");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    }

    @Test
    void anUnknownFieldIsRefusedByStrictFieldValidation() throws Exception {
        Files.writeString(kubectl.home().resolve("bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n"
                + "  containers:\n  - name: app\n    image: nginx:1.27\n    colour: red\n");

        Kubectl.Run apply = kubectl.run("apply", "-f", "bad.yaml");

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.stderr()).isEqualTo("Error from server (BadRequest): error when creating \"bad.yaml\": Pod in version"
                + " \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].colour\"\n");
        Optional<Pod> stored = api.sandbox.read(s -> s.cluster().api().get(Pod.class, "default", "bad"));
        assertThat(stored).isEmpty();
    }

    private String webPod() {
        return api.sandbox.read(s -> s.cluster().api().list(Pod.class, "default").stream()
                .filter(p -> "web".equals(p.getMetadata().getLabels().get("app")))
                .filter(p -> "Running".equals(p.getStatus().getPhase()))
                .map(p -> p.getMetadata().getName()).findFirst().orElseThrow());
    }

}
