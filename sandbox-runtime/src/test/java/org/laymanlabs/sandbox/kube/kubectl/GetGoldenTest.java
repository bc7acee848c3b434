package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables as kubectl 1.32 prints them for the fixtures, five minutes after they were created.
 * The cells follow kube-apiserver's printers (pkg/printers/internalversion/printers.go, which the
 * server runs and kubectl only lays out), the layout kubectl's tab writer; each golden was read
 * against those sources line by line.
 */
class GetGoldenTest {

    private final TestCluster cluster = new TestCluster();

    @BeforeEach
    void fiveMinutesAfterTheFixturesWereCreated() throws Exception {
        Fixtures.load(cluster, "describe-fixture.json");
        Fixtures.load(cluster, "get-fixture.json");
        cluster.laptopAt(TestCluster.START.plus(Duration.ofSeconds(300)));
    }

    @ParameterizedTest(name = "kubectl {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "get pods -A|get-pods-all-namespaces.golden",
            "get pods -o wide|get-pods-wide.golden",
            "get deploy,rs,svc|get-several-kinds.golden",
            "get nodes -o wide|get-nodes-wide.golden",
            "get pods --show-labels -l 'app in (batch,web)'|get-pods-show-labels.golden",
            "get events|get-events.golden",
            "get cm,secret,ep,endpointslices|get-config-and-endpoints.golden",
            "get all|get-all.golden"})
    void printsWhatKubectlPrints(String command, String golden) {
        String actual = cluster.ok("kubectl " + command);
        Goldens.maybeWrite(golden, actual);
        assertThat(actual).isEqualTo(TestCluster.resource(golden));
    }
}
