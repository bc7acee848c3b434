package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.api.ApiResources;

class ApplyCommandTest {

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
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
            """;

    private final TestCluster cluster = new TestCluster();

    private Deployment web() {
        return cluster.api.get(Deployment.class, "default", "web").orElseThrow();
    }

    @Test
    void createsThenLeavesUnchangedThenConfigures() {
        cluster.workspace.write("/home/learner/web.yaml", WEB);
        assertThat(cluster.ok("kubectl apply -f web.yaml")).isEqualTo("deployment.apps/web created\n");
        assertThat(web().getMetadata().getAnnotations().get(ApplyCommand.LAST_APPLIED)).isEqualTo(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},"
                + "\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},"
                + "\"spec\":{\"containers\":[{\"image\":\"nginx:1.27\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}]}]}}}}\n");
        assertThat(cluster.ok("kubectl apply -f web.yaml")).isEqualTo("deployment.apps/web unchanged\n");
        cluster.workspace.write("/home/learner/web.yaml", WEB.replace("replicas: 3", "replicas: 5"));
        assertThat(cluster.ok("kubectl apply -f web.yaml")).isEqualTo("deployment.apps/web configured\n");
        assertThat(web().getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void removesWhatTheManifestNoLongerSaysButKeepsWhatOthersAdded() {
        cluster.workspace.write("/home/learner/web.yaml", WEB.replace("  name: web\n", "  name: web\n  labels:\n    team: a\n    tier: web\n"));
        cluster.ok("kubectl apply -f web.yaml");
        Deployment live = web();
        live.getMetadata().getLabels().put("added-by", "someone");
        cluster.api.await(cluster.api.update(live));
        cluster.workspace.write("/home/learner/web.yaml", WEB.replace("  name: web\n", "  name: web\n  labels:\n    tier: web\n"));
        assertThat(cluster.ok("kubectl apply -f web.yaml")).isEqualTo("deployment.apps/web configured\n");
        assertThat(web().getMetadata().getLabels()).containsOnly(java.util.Map.entry("added-by", "someone"),
                java.util.Map.entry("tier", "web"));
    }

    @Test
    void refusesAnUnknownFieldAsTheServerDoesAndCreatesNothing() {
        cluster.workspace.write("/home/learner/web.yaml", WEB.replace("replicas: 3", "replica: 3"));
        CommandResult result = cluster.run("kubectl apply -f web.yaml");
        assertThat(result).isEqualTo(new CommandResult("", "Error from server (BadRequest): error when creating \"web.yaml\": "
                + "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replica\"\n", 1));
        assertThat(cluster.api.list(ApiResources.DEPLOYMENTS, "")).isEmpty();
    }

    @Test
    void reportsAYamlSyntaxErrorWithGoYamlsWordsAndLine() {
        cluster.workspace.write("/home/learner/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: app: web\n");
        assertThat(cluster.run("kubectl apply -f web.yaml")).isEqualTo(new CommandResult("", "error: error parsing web.yaml: "
                + "error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n", 1));
    }
}
