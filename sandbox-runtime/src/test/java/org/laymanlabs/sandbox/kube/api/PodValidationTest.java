package org.laymanlabs.sandbox.kube.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** ValidatePodSpec's container and probe checks, with kube-apiserver's messages. */
class PodValidationTest {

    @Test
    void aWellFormedProbeIsAccepted() {
        assertThat(errors(c -> c.withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withNewPort("http").endHttpGet()
                .withInitialDelaySeconds(5).withPeriodSeconds(0).endLivenessProbe()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort(8080).endTcpSocket().withSuccessThreshold(3).endReadinessProbe()
                .withNewStartupProbe().withNewExec().withCommand("cat", "/tmp/started").endExec().endStartupProbe())).isEmpty();
    }

    @Test
    void livenessAndStartupProbesMustHaveASuccessThresholdOfOne() {
        assertThat(errors(c -> c.withLivenessProbe(tcp().withSuccessThreshold(2).build())
                .withStartupProbe(tcp().withSuccessThreshold(3).build()))).containsExactly(
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
                "spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1");
    }

    @Test
    void aProbeNeedsExactlyOneHandler() {
        assertThat(errors(c -> c.withNewReadinessProbe().withPeriodSeconds(5).endReadinessProbe())).containsExactly(
                "spec.containers[0].readinessProbe: Required value: must specify a handler type");
        assertThat(errors(c -> c.withLivenessProbe(tcp().withNewHttpGet().withPath("/").withNewPort(80).endHttpGet()
                .withNewExec().withCommand("true").endExec().build()))).containsExactly(
                "spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
                "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type");
    }

    @Test
    void negativeTimesAndThresholdsAreRefused() {
        assertThat(errors(c -> c.withReadinessProbe(tcp().withInitialDelaySeconds(-1).withTimeoutSeconds(-2).withPeriodSeconds(-3)
                .withSuccessThreshold(-4).withFailureThreshold(-5).build()))).containsExactly(
                "spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0",
                "spec.containers[0].readinessProbe.timeoutSeconds: Invalid value: -2: must be greater than or equal to 0",
                "spec.containers[0].readinessProbe.periodSeconds: Invalid value: -3: must be greater than or equal to 0",
                "spec.containers[0].readinessProbe.successThreshold: Invalid value: -4: must be greater than or equal to 0",
                "spec.containers[0].readinessProbe.failureThreshold: Invalid value: -5: must be greater than or equal to 0");
        assertThat(errors(c -> c.withLivenessProbe(tcp().withSuccessThreshold(-1).build()))).containsExactly(
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: -1: must be greater than or equal to 0",
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: -1: must be 1");
    }

    @Test
    void probePortsMustBeInRangeOrValidNames() {
        assertThat(errors(c -> c.withNewLivenessProbe().withNewTcpSocket().withNewPort(70000).endTcpSocket().endLivenessProbe()
                .withNewReadinessProbe().withNewHttpGet().withPath("/").endHttpGet().endReadinessProbe()
                .withNewStartupProbe().withNewGrpc().withPort(0).endGrpc().endStartupProbe())).containsExactly(
                "spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.containers[0].startupProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive");
        assertThat(errors(c -> c.withNewLivenessProbe().withNewHttpGet().withPath("/").withNewPort("8080").endHttpGet().endLivenessProbe()
                .withNewReadinessProbe().withNewTcpSocket().withNewPort("Web_Port--long-name").endTcpSocket().endReadinessProbe()))
                .containsExactly(
                "spec.containers[0].livenessProbe.httpGet.port: Invalid value: \"8080\": must contain at least one letter (a-z)",
                "spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: \"Web_Port--long-name\": must be no more than 15 characters",
                "spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: \"Web_Port--long-name\": must contain only alpha-numeric "
                        + "characters (a-z, 0-9), and hyphens (-)",
                "spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: \"Web_Port--long-name\": must not contain consecutive hyphens");
    }

    @Test
    void anHttpGetNeedsAKnownSchemeValidHeaderNamesAndAnExecACommand() {
        assertThat(errors(c -> c.withNewLivenessProbe().withNewHttpGet().withPath("/").withNewPort(80).withScheme("http")
                .withHttpHeaders(new HTTPHeader("X Token", "a")).endHttpGet().endLivenessProbe()
                .withNewReadinessProbe().withNewExec().endExec().endReadinessProbe())).containsExactly(
                "spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"",
                "spec.containers[0].livenessProbe.httpGet.httpHeaders: Invalid value: \"X Token\": a valid HTTP header must consist of "
                        + "alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
                "spec.containers[0].readinessProbe.exec.command: Required value");
    }

    @Test
    void terminationGracePeriodSecondsIsForLivenessAndStartupOnly() {
        assertThat(errors(c -> c.withReadinessProbe(tcp().withTerminationGracePeriodSeconds(30L).build())
                .withLivenessProbe(tcp().withTerminationGracePeriodSeconds(0L).build()))).containsExactly(
                "spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 30: must not be set for readinessProbes");
    }

    @Test
    void aDuplicateContainerNameIsReportedAfterTheContainersOwnErrors() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("nginx").endContainer()
                .addNewContainer().withName("web").addNewPort().withContainerPort(0).endPort().endContainer().endSpec().build();
        assertThat(Validation.validate(pod, null).stream().map(FieldError::toString).toList()).containsExactly(
                "spec.containers[1].image: Required value",
                "spec.containers[1].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.containers[1].name: Duplicate value: \"web\"");
    }

    private static ProbeBuilder tcp() {
        return new ProbeBuilder().withNewTcpSocket().withNewPort(8080).endTcpSocket();
    }

    private static List<String> errors(UnaryOperator<ContainerBuilder> container) {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
                .withContainers(container.apply(new ContainerBuilder().withName("web").withImage("nginx:1.27")
                        .addNewPort().withName("http").withContainerPort(8080).endPort()).build()).endSpec().build();
        return Validation.validate(pod, null).stream().map(FieldError::toString).toList();
    }
}
