package org.laymanlabs.sandbox.kube.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import org.junit.jupiter.api.Test;

/** SetDefaults_Probe and SetDefaults_HTTPGetAction, as kubectl get -o yaml and describe show them. */
class ProbeDefaultsTest {

    @Test
    void aProbesLeftOutOrZeroFieldsTakeKubernetesDefaults() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().addNewContainer().withName("web")
                .withImage("nginx:1.27").withNewLivenessProbe().withNewHttpGet().withNewPort(80).endHttpGet().withTimeoutSeconds(0)
                .endLivenessProbe().withNewReadinessProbe().withNewTcpSocket().withNewPort(80).endTcpSocket().withPeriodSeconds(5)
                .withFailureThreshold(6).endReadinessProbe().endContainer().endSpec().build();
        Defaults.apply(pod);
        Probe liveness = pod.getSpec().getContainers().get(0).getLivenessProbe();
        assertThat(liveness.getInitialDelaySeconds()).isNull();
        assertThat(liveness.getTimeoutSeconds()).isEqualTo(1);
        assertThat(liveness.getPeriodSeconds()).isEqualTo(10);
        assertThat(liveness.getSuccessThreshold()).isEqualTo(1);
        assertThat(liveness.getFailureThreshold()).isEqualTo(3);
        assertThat(liveness.getHttpGet().getPath()).isEqualTo("/");
        assertThat(liveness.getHttpGet().getScheme()).isEqualTo("HTTP");
        Probe readiness = pod.getSpec().getContainers().get(0).getReadinessProbe();
        assertThat(readiness.getPeriodSeconds()).isEqualTo(5);
        assertThat(readiness.getFailureThreshold()).isEqualTo(6);
    }
}
