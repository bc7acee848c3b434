package org.laymanlabs.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * A check's host names are asked of the cluster's own DNS, from where the check sends: CoreDNS
 * answers them as it answers a pod, so a broken cluster DNS fails a check by name as it fails a
 * pod's curl, while the Service's address still answers.
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
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """;

    private final Sandbox sandbox = Sandbox.create(new SandboxSpec(3, Instant.parse("2026-11-26T09:00:00Z"))
            .withManifests(List.of(WEB)));
    private final Grader grader = new Grader();

    private CheckResult get(String url) {
        return grader.run(new RequestCheck("web", new Origin.Node("worker-1"), url, Optional.empty(), 1, OptionalInt.of(200),
                Optional.empty(), OptionalInt.empty()), sandbox);
    }

    @Test
    void aServiceNameAnswersWhileCoreDnsRunsAndNotOnceItIsScaledToZero() {
        sandbox.clock().advance(Duration.ofSeconds(30));
        String clusterIp = sandbox.shell().run("kubectl get svc web -o jsonpath={.spec.clusterIP}").stdout();
        assertThat(get("http://web/").verdict()).as(get("http://web/").message()).isEqualTo(Verdict.PASS);

        sandbox.shell().run("kubectl scale deployment coredns -n kube-system --replicas=0");
        sandbox.clock().advance(Duration.ofSeconds(60));

        assertThat(get("http://web/").message()).isEqualTo("Expected a request from node worker-1 to http://web/ to get "
                + "status 200, but found curl: (6) Could not resolve host: web.");
        assertThat(get("http://" + clusterIp + "/").verdict()).isEqualTo(Verdict.PASS);
    }
}
