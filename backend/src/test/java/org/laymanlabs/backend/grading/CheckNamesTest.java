package org.laymanlabs.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * A check's host names mean what the cluster's DNS tells a pod: CoreDNS's own kubernetes plugin
 * answers them over the cluster's Services, with a pod's search path. The grader asks without
 * sending a packet, so its lookups leave nothing behind in the learner's cluster: a name looked up
 * before its Service existed is not cached as missing for the learner's next curl.
 */
class CheckNamesTest {

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """;

    private final Sandbox sandbox = Sandbox.create(new SandboxSpec(3, Instant.parse("2026-11-26T09:00:00Z"))
            .withManifests(List.of(WEB)));
    private final Grader grader = new Grader();

    private CheckResult get(String url) {
        return grader.run(new RequestCheck("web", new Origin.Node("worker-1"), url, Optional.empty(), 1, OptionalInt.of(200),
                Optional.empty(), OptionalInt.empty()), sandbox);
    }

    @Test
    void aNameCheckedBeforeItsServiceExistedResolvesForTheLearnerOnceItDoes() {
        sandbox.clock().advance(Duration.ofSeconds(30));
        sandbox.shell().run("kubectl run client --image=nginx");
        sandbox.clock().advance(Duration.ofSeconds(10));
        assertThat(get("http://web/").message()).isEqualTo("Expected a request from node worker-1 to http://web/ to get "
                + "status 200, but found curl: (6) Could not resolve host: web.");

        sandbox.shell().run("kubectl expose deployment web --port 80");
        sandbox.clock().advance(Duration.ofSeconds(2)); // kube-proxy writes the new Service's rules
        CommandResult curl = sandbox.shell().run("kubectl exec client -- curl -s -o /dev/null -w %{http_code} web");

        assertThat(curl.stdout()).as(curl.stderr()).isEqualTo("200");
        assertThat(get("http://web/").verdict()).isEqualTo(Verdict.PASS);
        assertThat(get("http://web.default.svc.cluster.local/").verdict()).isEqualTo(Verdict.PASS);
        assertThat(get("http://web.kube-system/").message()).endsWith("Could not resolve host: web.kube-system.");
    }
}
