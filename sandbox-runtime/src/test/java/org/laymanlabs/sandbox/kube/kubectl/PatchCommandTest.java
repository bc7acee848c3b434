package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("kubectl patch")
class PatchCommandTest {

    private final TestCluster cluster = new TestCluster();

    private Deployment web() {
        return cluster.api.get(Deployment.class, "default", "web").orElseThrow();
    }

    @Test
    void appliesAStrategicMergePatchAndSaysWhenNothingChanged() {
        cluster.ok("kubectl create deployment web --image=nginx:1.27");
        assertThat(cluster.ok("kubectl patch deployment web -p '{\"spec\":{\"replicas\":3}}'"))
                .isEqualTo("deployment.apps/web patched\n");
        assertThat(web().getSpec().getReplicas()).isEqualTo(3);
        assertThat(cluster.ok("kubectl patch deploy/web -p 'spec: {replicas: 3}'"))
                .isEqualTo("deployment.apps/web patched (no change)\n");
        cluster.ok("kubectl patch deployment web -p "
                + "'{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.28\"}]}}}}'");
        assertThat(web().getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getImage()).containsExactly("nginx:1.28");
    }

    @Test
    void refusesWhatKubectlRefusesAndChangesNothing() {
        cluster.ok("kubectl create deployment web --image=nginx:1.27");
        String version = web().getMetadata().getResourceVersion();
        assertThat(cluster.run("kubectl patch deployment web")).isEqualTo(CommandResult.error("error: must specify -p to patch\n", 1));
        assertThat(cluster.run("kubectl patch deployment web --type foo -p '{}'")).isEqualTo(CommandResult.error(
                "error: --type must be one of [json merge strategic], not \"foo\"\n", 1));
        assertThat(cluster.run("kubectl patch deployment web -p '{\"spec\":{\"replica\":2}}'")).isEqualTo(CommandResult.error(
                "Error from server (BadRequest): Deployment in version \"v1\" cannot be handled as a Deployment: "
                        + "strict decoding error: unknown field \"spec.replica\"\n", 1));
        assertThat(cluster.run("kubectl patch deployment nope -p '{}'")).isEqualTo(CommandResult.error(
                "Error from server (NotFound): deployments.apps \"nope\" not found\n", 1));
        assertThat(web().getMetadata().getResourceVersion()).isEqualTo(version);
    }
}
