package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each golden is what the real kubectl 1.32.5 printed for the same objects (describe-fixture.json,
 * served by a stub API server), five minutes after they were created; only the dates were moved
 * to this test's clock.
 */
class DescribeGoldenTest {

    private final TestCluster cluster = new TestCluster();

    @BeforeEach
    void fiveMinutesAfterTheFixtureWasCreated() throws Exception {
        Fixtures.load(cluster, "describe-fixture.json");
        cluster.laptopAt(TestCluster.START.plus(Duration.ofSeconds(300)));
    }

    @ParameterizedTest(name = "kubectl {0}")
    @CsvSource(delimiter = '|', value = {
            "describe pod web-7d4b9c8f6d-x2k9p|describe-pod.golden",
            "describe deployment web|describe-deployment.golden",
            "describe rs web-7d4b9c8f6d|describe-replicaset.golden",
            "describe svc web|describe-service.golden",
            "describe node worker-1|describe-node.golden",
            "describe ns shop|describe-namespace.golden"})
    void printsWhatKubectlPrints(String command, String golden) {
        assertThat(cluster.ok("kubectl " + command)).isEqualTo(TestCluster.resource(golden));
    }
}
