package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/** The protobuf bodies of client-go's typed clients, read as the JSON their Go objects marshal to. */
class ProtobufBodyTest {

    @Test
    void aDeploymentReadsAsTheJsonItsGoObjectMarshalsTo() {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("web").setNamespace("").putLabels("app", "web")
                        .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(0)).setGeneration(0))
                .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(0)
                        .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "web"))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setRollingUpdate(V1Apps.RollingUpdateDeployment
                                .newBuilder().setMaxUnavailable(IntStr.IntOrString.newBuilder().setType(1).setStrVal("25%"))
                                .setMaxSurge(IntStr.IntOrString.newBuilder().setType(0).setIntVal(0))))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(Meta.ObjectMeta.newBuilder().putLabels("app", "web"))
                                .setSpec(V1.PodSpec.newBuilder().addContainers(V1.Container.newBuilder().setName("nginx")
                                        .setImage("nginx:1.27").addPorts(V1.ContainerPort.newBuilder().setContainerPort(80)
                                                .setHostPort(0).setProtocol(""))
                                        .setResources(V1.ResourceRequirements.newBuilder().putRequests("cpu",
                                                Resource.Quantity.newBuilder().setString("250m").build()))))))
                .build();

        JsonNode tree = ProtobufBody.object(envelope("apps/v1", "Deployment", deployment.toByteArray()));

        assertThat(tree.at("/metadata").toString()).isEqualTo("{\"name\":\"web\",\"labels\":{\"app\":\"web\"}}");
        assertThat(tree.at("/spec/replicas").isInt()).isTrue();
        assertThat(tree.at("/spec/replicas").asInt(-1)).isZero();
        assertThat(tree.at("/spec/strategy").toString()).isEqualTo("{\"rollingUpdate\":{\"maxUnavailable\":\"25%\",\"maxSurge\":0}}");
        assertThat(tree.at("/spec/template/spec/containers/0").toString()).isEqualTo("{\"name\":\"nginx\",\"image\":\"nginx:1.27\","
                + "\"ports\":[{\"containerPort\":80}],\"resources\":{\"requests\":{\"cpu\":\"250m\"}}}");
        assertThat(tree.path("kind").asText()).isEqualTo("Deployment");
        assertThat(tree.path("apiVersion").asText()).isEqualTo("apps/v1");
    }

    @Test
    void aSecretsBytesAreBase64AndItsTimesAreRfc3339() {
        V1.Secret secret = V1.Secret.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("db")
                        .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(1_700_000_000L)))
                .putData("password", ByteString.copyFromUtf8("s3cr3t"))
                .build();

        JsonNode tree = ProtobufBody.object(envelope("v1", "Secret", secret.toByteArray()));

        assertThat(tree.at("/data/password").asText()).isEqualTo("czNjcjN0");
        assertThat(tree.at("/metadata/creationTimestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void aBodyWithoutTheEnvelopeOrOfAnUnknownKindOrCutShortIsABadRequest() {
        assertThatThrownBy(() -> ProtobufBody.object("{}".getBytes()))
                .isInstanceOf(ApiException.class).hasMessage("provided object is not a protobuf message");
        assertThatThrownBy(() -> ProtobufBody.object(envelope("v1", "Dragon", new byte[0])))
                .isInstanceOf(ApiException.class)
                .hasMessage("no kind \"Dragon\" is registered for version \"v1\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"");
        byte[] whole = envelope("v1", "ConfigMap", V1.ConfigMap.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("cut")).build().toByteArray());
        assertThatThrownBy(() -> ProtobufBody.object(Arrays.copyOf(whole, whole.length - 2)))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("proto: ");
        byte[] farFuture = envelope("v1", "ConfigMap", V1.ConfigMap.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder()
                .setName("late").setCreationTimestamp(Meta.Time.newBuilder().setSeconds(Long.MAX_VALUE))).build().toByteArray());
        assertThatThrownBy(() -> ProtobufBody.object(farFuture))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("proto: a timestamp is out of range");
    }

    @Test
    void goDurationsPrintAsGoPrintsThem() {
        assertThat(GoDuration.format(0)).isEqualTo("0s");
        assertThat(GoDuration.format(1_500_000)).isEqualTo("1.5ms");
        assertThat(GoDuration.format(90_000_000_000L)).isEqualTo("1m30s");
        assertThat(GoDuration.format(3_600_000_000_000L)).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(2_500_000_000L)).isEqualTo("2.5s");
    }

    private static byte[] envelope(String apiVersion, String kind, byte[] raw) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(ByteString.copyFrom(raw)).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'k', '8', 's', 0});
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }
}
