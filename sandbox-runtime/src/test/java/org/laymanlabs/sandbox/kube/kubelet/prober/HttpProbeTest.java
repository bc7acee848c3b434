package org.laymanlabs.sandbox.kube.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pkg/probe/http: the request kubelet sends and how it reads the answer. */
class HttpProbeTest {

    private static final HttpProbe.Request READY = HttpProbe.request(new HTTPGetActionBuilder().withPath("/ready").build(), 8080, "10.244.1.5");

    @Test
    void theRequestCarriesKubeletsUserAgentAndAcceptsAnything() {
        assertThat(READY.url()).isEqualTo("http://10.244.1.5:8080/ready");
        assertThat(READY.headers()).containsExactly(Map.entry("User-Agent", "kube-probe/1.32"), Map.entry("Accept", "*/*"));
    }

    @Test
    void theProbesHeadersAreCanonicalAndAHostHeaderReplacesTheAddress() {
        HTTPGetAction action = new HTTPGetActionBuilder().withPath("/healthz?full=1").withHost("10.0.0.9").withScheme("HTTPS")
                .withHttpHeaders(new HTTPHeader("x-request-id", "probe"), new HTTPHeader("Host", "shop.example.com"),
                        new HTTPHeader("accept", "application/json")).build();
        HttpProbe.Request request = HttpProbe.request(action, 8443, "10.244.1.5");
        assertThat(request.url()).isEqualTo("https://10.0.0.9:8443/healthz?full=1");
        assertThat(request.headers()).containsExactly(Map.entry("Host", "shop.example.com"), Map.entry("User-Agent", "kube-probe/1.32"),
                Map.entry("Accept", "application/json"), Map.entry("X-Request-Id", "probe"));
    }

    @Test
    void anEmptyAcceptIsRemovedAndAnEmptyPathIsTheRoot() {
        HttpProbe.Request request = HttpProbe.request(new HTTPGetActionBuilder().withHttpHeaders(new HTTPHeader("Accept", "")).build(),
                80, "10.244.1.5");
        assertThat(request.url()).isEqualTo("http://10.244.1.5:80/");
        assertThat(request.headers()).containsOnlyKeys("User-Agent");
    }

    @Test
    void statusCodesFrom200To399SucceedAndTheRestFail() {
        assertThat(verdict(200)).isEqualTo("SUCCESS ok");
        assertThat(verdict(204)).isEqualTo("SUCCESS ok");
        assertThat(verdict(301)).isEqualTo("WARNING Probe terminated redirects, Response body: ok");
        assertThat(verdict(399)).isEqualTo("WARNING Probe terminated redirects, Response body: ok");
        assertThat(verdict(400)).isEqualTo("FAILURE HTTP probe failed with statuscode: 400");
        assertThat(verdict(503)).isEqualTo("FAILURE HTTP probe failed with statuscode: 503");
        assertThat(verdict(199)).isEqualTo("FAILURE HTTP probe failed with statuscode: 199");
    }

    @Test
    void noMoreThanTenKibibytesOfTheBodyAreRead() {
        String body = "x".repeat(20_000);
        ProbeOutcome outcome = HttpProbe.result(READY, ProbeTarget.HttpOutcome.response(302, body), Duration.ofSeconds(1));
        assertThat(outcome.output()).isEqualTo("Probe terminated redirects, Response body: " + "x".repeat(10_240));
    }

    @Test
    void aTimeoutLastsTheWholeTimeout() {
        ProbeOutcome outcome = HttpProbe.result(READY, ProbeTarget.HttpOutcome.failed(
                "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), Duration.ofSeconds(3));
        assertThat(outcome.output()).isEqualTo("Get \"http://10.244.1.5:8080/ready\": "
                + "context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        assertThat(outcome.took()).isEqualTo(Duration.ofSeconds(3));
    }

    private static String verdict(int status) {
        ProbeOutcome outcome = HttpProbe.result(READY, ProbeTarget.HttpOutcome.response(status, "ok"), Duration.ofSeconds(1));
        return outcome.kind() + " " + outcome.output();
    }
}
