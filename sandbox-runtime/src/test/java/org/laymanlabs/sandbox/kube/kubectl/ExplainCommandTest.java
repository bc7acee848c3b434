package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.laymanlabs.sandbox.CommandResult;

/**
 * kubectl explain against the goldens that the real kubectl 1.32.5 printed when it read the same
 * schema from the oracle stub's /openapi/v3 (oracle/README.md): kubectl's own template decides
 * the layout, the wrapping and the recursion, so these check our rendering, line for line.
 */
class ExplainCommandTest {

    private final TestCluster cluster = new TestCluster();

    @ParameterizedTest(name = "kubectl {0}")
    @CsvSource(delimiter = '|', value = {
            "explain pod|explain-pod.golden",
            "explain pods.spec.containers|explain-containers.golden",
            "explain po.spec.containers.ports.containerPort|explain-container-port.golden",
            "explain svc.spec.selector|explain-service-selector.golden",
            "explain deployments.spec.strategy|explain-deployment-strategy.golden",
            "explain deploy.spec.strategy --recursive|explain-deployment-strategy-recursive.golden",
            "explain ing.spec.rules|explain-ingress-rules.golden",
            "explain configmap|explain-configmap.golden",
            "explain lease.spec|explain-lease-spec.golden",
            "explain endpointslices --recursive|explain-endpointslice.golden"})
    void printsWhatKubectlPrints(String command, String golden) {
        assertThat(cluster.ok("kubectl " + command)).isEqualTo(TestCluster.resource(golden));
    }

    @Test
    void aFieldPathThatLeadsNowhereFailsAfterTheHeaderNamingItsLastPart() {
        CommandResult result = cluster.run("kubectl explain pod.spec.foo.bar");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("KIND:       Pod\nVERSION:    v1\n\n");
        assertThat(result.stderr()).isEqualTo("error: field \"bar\" does not exist\n");
        assertThat(cluster.run("kubectl explain pod.spec.nodeName.x").stderr()).isEqualTo("error: field \"x\" does not exist\n");
    }

    @Test
    void anUnknownTypeIsTheMappersErrorWithoutAPrefix() {
        CommandResult result = cluster.run("kubectl explain foo");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("the server doesn't have a resource type \"foo\"\n");
    }

    @Test
    void argumentsAndFlagsAreCheckedAsKubectlChecksThem() {
        assertThat(cluster.run("kubectl explain").stderr()).isEqualTo("error: You must specify the type of resource to "
                + "explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
        assertThat(cluster.run("kubectl explain pod svc").stderr())
                .isEqualTo("error: We accept only this format: explain RESOURCE\n");
        assertThat(cluster.run("kubectl explain pod -o foo").stderr()).isEqualTo("error: unrecognized format: foo\n");
        assertThat(cluster.run("kubectl explain pod --api-version=apps/v1").stderr())
                .isEqualTo("error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n");
        assertThat(cluster.ok("kubectl explain pod --api-version=v1")).startsWith("KIND:       Pod\nVERSION:    v1\n");
    }

    @Test
    void wrappingKeepsTheTextsOwnBreaksAndLetsLongWordsRunOver() {
        assertThat(WordWrap.wrap("aaa bbb ccc", 7)).isEqualTo("aaa bbb\nccc");
        assertThat(WordWrap.wrap("one\n\ntwo three", 5)).isEqualTo("one\n\ntwo\nthree");
        assertThat(WordWrap.wrap("see https://example.com/a/very/long/url now", 10))
                .isEqualTo("see\nhttps://example.com/a/very/long/url\nnow");
    }
}
