package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.api.ApiResources;

/**
 * kubectl's client-side errors and exit codes; each expected text was printed by the real
 * kubectl 1.32.5 on this machine for the same command line.
 */
class CommandLineTest {

    private final TestCluster cluster = new TestCluster();

    private CommandResult error(String stderr) {
        return new CommandResult("", stderr, 1);
    }

    @Test
    void anUnknownFlagNamesTheCommandsHelp() {
        assertThat(cluster.run("kubectl get pods --foo")).isEqualTo(error(
                "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"));
        assertThat(cluster.run("kubectl get pods -x")).isEqualTo(error(
                "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"));
        assertThat(cluster.run("kubectl get pods -n")).isEqualTo(error(
                "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"));
        assertThat(cluster.run("kubectl get pods -A=maybe")).isEqualTo(error("error: invalid argument \"maybe\" for "
                + "\"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.\n"));
        assertThat(cluster.run("kubectl create deployment web --image nginx -r x")).isEqualTo(error("error: invalid argument \"x\" "
                + "for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n"));
        assertThat(cluster.api.list(ApiResources.DEPLOYMENTS, "")).isEmpty();
    }

    @Test
    void getWithoutAResourceTypeExplainsWhatIsMissing() {
        assertThat(cluster.run("kubectl get")).isEqualTo(error("You must specify the type of resource to get. Use \"kubectl "
                + "api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\n"
                + "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n"
                + "See 'kubectl get -h' for help and examples\n"));
    }

    @Test
    void anUnknownCommandGetsCobrasSuggestions() {
        assertThat(cluster.run("kubectl foo")).isEqualTo(error("error: unknown command \"foo\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n"));
        assertThat(cluster.run("kubectl gett pods")).isEqualTo(error(
                "error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n"));
        assertThat(cluster.run("kubectl zzzzzz")).isEqualTo(error("error: unknown command \"zzzzzz\" for \"kubectl\"\n"));
        assertThat(cluster.run("kubectl rollout foo")).isEqualTo(error("error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n"));
        assertThat(cluster.run("kubectl create foo")).isEqualTo(error("error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n"));
    }

    @Test
    void anUnknownResourceTypeIsTheServersDiscoveryAnswer() {
        assertThat(cluster.run("kubectl get foo")).isEqualTo(error("error: the server doesn't have a resource type \"foo\"\n"));
        assertThat(cluster.run("kubectl get deploy,foo")).isEqualTo(error("error: the server doesn't have a resource type \"foo\"\n"));
    }

    @Test
    void aMissingObjectIsNotFoundAndTheOthersStillPrint() {
        cluster.create(new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().addNewContainer()
                .withName("web").withImage("nginx").endContainer().endSpec().build());
        assertThat(cluster.run("kubectl get pods nope")).isEqualTo(error("Error from server (NotFound): pods \"nope\" not found\n"));
        assertThat(cluster.run("kubectl get pod web nope -o name")).isEqualTo(new CommandResult("pod/web\n",
                "Error from server (NotFound): pods \"nope\" not found\n", 1));
        assertThat(cluster.run("kubectl get pods pod/x")).isEqualTo(error("error: there is no need to specify a resource type as "
                + "a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' "
                + "instead of 'kubectl get resource resource/<resource_name>'\n"));
    }

    @Test
    void requiredFlagsAndArgumentsAreCheckedBeforeAnythingIsSent() {
        assertThat(cluster.run("kubectl scale deploy web")).isEqualTo(error("error: required flag(s) \"replicas\" not set\n"));
        assertThat(cluster.run("kubectl run web")).isEqualTo(error("error: required flag(s) \"image\" not set\n"));
        assertThat(cluster.run("kubectl apply")).isEqualTo(error("error: must specify one of -f and -k\n"));
        assertThat(cluster.run("kubectl create namespace")).isEqualTo(error(
                "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n"));
        assertThat(cluster.run("kubectl cordon")).isEqualTo(error("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"));
        assertThat(cluster.run("kubectl drain")).isEqualTo(error("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n"));
        assertThat(cluster.run("kubectl rollout status")).isEqualTo(error("error: required resource not specified\n"));
        assertThat(cluster.run("kubectl annotate pods")).isEqualTo(error("error: at least one annotation update is required\n"));
        assertThat(cluster.run("kubectl label")).isEqualTo(error(
                "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"));
        assertThat(cluster.run("kubectl taint")).isEqualTo(error("error: one or more resources must be specified as <resource> <name>\n"));
        assertThat(cluster.run("kubectl describe")).isEqualTo(error("error: You must specify the type of resource to describe. "
                + "Use \"kubectl api-resources\" for a complete list of supported resources.\n"));
        String resources = "error: You must provide one or more resources by argument or filename.\nExample resource specifications "
                + "include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";
        assertThat(cluster.run("kubectl delete")).isEqualTo(error(resources));
        assertThat(cluster.run("kubectl expose")).isEqualTo(error(resources));
        assertThat(cluster.run("kubectl set image")).isEqualTo(error(resources));
        assertThat(cluster.api.list(ApiResources.PODS, "")).isEmpty();
    }

    @Test
    void printsTheVersionsAndTheHelpOfTheRealKubectl() {
        assertThat(cluster.ok("kubectl version --client")).isEqualTo("Client Version: v1.32.5\nKustomize Version: v5.5.0\n");
        assertThat(cluster.ok("kubectl version")).endsWith("Server Version: v1.32.5\n");
        assertThat(cluster.ok("kubectl get --help")).startsWith("Display one or many resources.\n");
        assertThat(cluster.ok("kubectl")).startsWith("kubectl controls the Kubernetes cluster manager.");
        assertThat(cluster.ok("kubectl options")).startsWith("The following options can be passed to any command:");
        assertThat(cluster.ok("kubectl api-versions")).isEqualTo("apps/v1\nbatch/v1\ncoordination.k8s.io/v1\n"
                + "discovery.k8s.io/v1\nnetworking.k8s.io/v1\nv1\n");
    }

    @Test
    void attachSaysItIsNotAvailableYet() {
        assertThat(cluster.run("kubectl attach web")).isEqualTo(error("error: kubectl attach is not available in the sandbox yet: "
                + "it needs container streams, which are being built\n"));
    }
}
