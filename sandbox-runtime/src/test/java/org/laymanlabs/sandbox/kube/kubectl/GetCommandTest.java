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
}
