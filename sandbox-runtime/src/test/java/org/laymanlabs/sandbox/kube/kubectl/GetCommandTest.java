package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

class GetCommandTest {

    private final TestCluster cluster = new TestCluster();

    @Test
    void printsPendingPodsWithTheirAge() {
        cluster.create(new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().addNewContainer()
                .withName("web").withImage("nginx:1.27").endContainer().endSpec().build());
        cluster.later(Duration.ofSeconds(200));
        assertThat(cluster.ok("kubectl get pods")).isEqualTo("""
                NAME   READY   STATUS    RESTARTS   AGE
                web    0/1     Pending   0          3m20s
                """);
    }

    @Test
    void saysNoResourcesFoundOnStderr() {
        CommandResult result = cluster.run("kubectl get deploy");
        assertThat(result).isEqualTo(new CommandResult("", "No resources found in default namespace.\n", 0));
    }

    @Test
    void printsJsonPathRangesAndListsAsKubectlDoes() {
        cluster.ok("kubectl create deployment web --image=nginx:1.27");
        cluster.ok("kubectl create deployment db --image=redis:7");
        assertThat(cluster.ok("kubectl get deploy -o jsonpath={.items[*].metadata.name}")).isEqualTo("db web");
        assertThat(cluster.ok("kubectl get deploy -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}"
                + "{.spec.template.spec.containers[0].image}{\"\\n\"}{end}'")).isEqualTo("db\tredis:7\nweb\tnginx:1.27\n");
        assertThat(cluster.ok("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[?(@.name==\"nginx\")].image}'"))
                .isEqualTo("nginx:1.27");
        assertThat(cluster.ok("kubectl get deploy -o name")).isEqualTo("deployment.apps/db\ndeployment.apps/web\n");
        assertThat(cluster.ok("kubectl get deploy web -o jsonpath={.metadata.labels}")).isEqualTo("{\"app\":\"web\"}");
    }

    @Test
    void refusesANameAcrossAllNamespaces() {
        assertThat(cluster.run("kubectl get pod web -A")).isEqualTo(new CommandResult("",
                "error: a resource cannot be retrieved by name across all namespaces\n", 1));
    }

    @Test
    void anUnsupportedFieldSelectorIsTheServersBadRequest() {
        assertThat(cluster.run("kubectl get pods --field-selector foo=bar")).isEqualTo(new CommandResult("",
                "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", "
                + "field selector \"foo=bar\": field label not supported: foo\n", 1));
        assertThat(cluster.run("kubectl get pods --field-selector status.phase=Running")).isEqualTo(new CommandResult("",
                "No resources found in default namespace.\n", 0));
    }

    @Test
    void printsCustomColumns() {
        cluster.ok("kubectl create deployment web --image=nginx:1.27");
        assertThat(cluster.ok("kubectl get deploy -o custom-columns=NAME:.metadata.name,IMAGES:.spec.template.spec.containers[*].image,"
                + "PAUSED:.spec.paused")).isEqualTo("""
                NAME   IMAGES       PAUSED
                web    nginx:1.27   <none>
                """);
    }
}
