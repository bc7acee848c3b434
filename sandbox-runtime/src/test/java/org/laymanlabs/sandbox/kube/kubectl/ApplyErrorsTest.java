package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.api.ApiResources;

/**
 * Bad manifests get kubectl's and the API server's words, exit status 1, and change nothing; in a
 * file of several documents the good ones are still applied, as kubectl's ContinueOnError builder does.
 * The client-side texts were printed by kubectl 1.32.5 for the same files.
 */
class ApplyErrorsTest {

    private final TestCluster cluster = new TestCluster();

    private void file(String name, String text) {
        cluster.workspace.write("/home/learner/" + name, text);
    }

    @Test
    void aMissingKindIsAValidationError() {
        file("x.yaml", "apiVersion: v1\nmetadata:\n  name: web\n");
        assertThat(cluster.run("kubectl apply -f x.yaml")).isEqualTo(new CommandResult("", "error: error validating \"x.yaml\": "
                + "error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n", 1));
        assertThat(cluster.run("kubectl apply -f x.yaml --validate=false")).isEqualTo(new CommandResult("", "error: unable to decode "
                + "\"x.yaml\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\"}}'\n", 1));
    }

    @Test
    void anUnknownKindAsksForItsCrd() {
        file("foo.yaml", "apiVersion: v1\nkind: Foo\nmetadata:\n  name: web\n");
        assertThat(cluster.run("kubectl apply -f foo.yaml")).isEqualTo(new CommandResult("", "error: resource mapping not found for "
                + "name: \"web\" namespace: \"\" from \"foo.yaml\": no matches for kind \"Foo\" in version \"v1\"\n"
                + "ensure CRDs are installed first\n", 1));
    }

    @Test
    void yamlSyntaxErrorsUseGoYamlsLines() {
        file("tab.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n");
        file("indent.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n spec:\n  containers: []\n");
        file("quote.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web\n");
        assertThat(cluster.run("kubectl apply -f tab.yaml").stderr()).isEqualTo("error: error parsing tab.yaml: error converting "
                + "YAML to JSON: yaml: line 4: found character that cannot start any token\n");
        assertThat(cluster.run("kubectl apply -f indent.yaml").stderr()).isEqualTo("error: error parsing indent.yaml: error "
                + "converting YAML to JSON: yaml: line 4: did not find expected key\n");
        assertThat(cluster.run("kubectl apply -f quote.yaml").stderr()).isEqualTo("error: error parsing quote.yaml: error "
                + "converting YAML to JSON: yaml: line 5: found unexpected end of stream\n");
        assertThat(cluster.api.list(ApiResources.PODS, "")).isEmpty();
    }

    @Test
    void missingPathsAndEmptyDirectoriesAreReported() {
        cluster.workspace.mkdir("/home/learner/empty", false);
        assertThat(cluster.run("kubectl apply -f none.yaml")).isEqualTo(new CommandResult("",
                "error: the path \"none.yaml\" does not exist\n", 1));
        assertThat(cluster.run("kubectl apply -f empty")).isEqualTo(new CommandResult("",
                "error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n", 1));
        file("docs.yaml", "---\n---\n");
        assertThat(cluster.run("kubectl apply -f docs.yaml")).isEqualTo(new CommandResult("", "error: no objects passed to apply\n", 1));
    }

    @Test
    void theGoodDocumentsOfAFileAreAppliedAndTheBadOnesReported() {
        file("multi.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nmetadata:\n  name: b\n"
                + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: c\n");
        assertThat(cluster.run("kubectl apply -f multi.yaml")).isEqualTo(new CommandResult("namespace/a created\nnamespace/c created\n",
                "error: error validating \"multi.yaml\": error validating data: kind not set; if you choose to ignore these errors, "
                + "turn validation off with --validate=false\n", 1));
        assertThat(cluster.api.get(Namespace.class, "", "a")).isPresent();
    }

    @Test
    void anInvalidObjectIsReportedFromTheStatusDetails() {
        file("web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: shop
                    spec:
                      containers:
                      - name: web
                """);
        assertThat(cluster.run("kubectl apply -f web.yaml")).isEqualTo(new CommandResult("", """
                The Deployment "web" is invalid:\s
                * spec.template.metadata.labels: Invalid value: map[string]string{"app":"shop"}: `selector` does not match template `labels`
                * spec.template.spec.containers[0].image: Required value
                """, 1));
        assertThat(cluster.api.list(Deployment.class, "")).isEmpty();
    }

    @Test
    void aNamespaceThatDoesNotExistIsNotFound() {
        file("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx\n");
        assertThat(cluster.run("kubectl apply -f pod.yaml")).isEqualTo(new CommandResult("",
                "Error from server (NotFound): error when creating \"pod.yaml\": namespaces \"shop\" not found\n", 1));
    }

    @Test
    void createFromAFileRefusesAnExistingObjectAndKeepsIt() {
        file("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
        assertThat(cluster.ok("kubectl create -f ns.yaml")).isEqualTo("namespace/shop created\n");
        String version = cluster.api.get(Namespace.class, "", "shop").orElseThrow().getMetadata().getResourceVersion();
        assertThat(cluster.run("kubectl create -f ns.yaml")).isEqualTo(new CommandResult("",
                "Error from server (AlreadyExists): error when creating \"ns.yaml\": namespaces \"shop\" already exists\n", 1));
        assertThat(cluster.api.get(Namespace.class, "", "shop").orElseThrow().getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void appliesFromStdinAndJson() {
        assertThat(cluster.ok("echo '{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}' | kubectl apply -f -"))
                .isEqualTo("namespace/shop created\n");
        file("bad.json", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}");
        assertThat(cluster.run("kubectl apply -f bad.json")).isEqualTo(new CommandResult("",
                "error: error parsing bad.json: unexpected EOF\n", 1));
    }
}
