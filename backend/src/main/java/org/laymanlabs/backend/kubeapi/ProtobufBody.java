package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors k8s.io/apimachinery/pkg/runtime/serializer/protobuf: the body client-go's typed clients
 * send (kubectl create deployment, create configmap, create secret…) is the four bytes
 * {@code k8s\0}, then a runtime.Unknown holding the object's apiVersion and kind and the object
 * itself, encoded by the generated.proto of its API group. The object is turned into the JSON that
 * the same Go object would marshal to, so it goes through the same decoding, validation and
 * strictness as a JSON body.
 */
final class ProtobufBody {

    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The groups whose objects this sandbox serves, by the Go package their generated.proto names. */
    private static final Map<String, String> PACKAGES = Map.of(
            "v1", "k8s.io.api.core.v1",
            "apps/v1", "k8s.io.api.apps.v1",
            "batch/v1", "k8s.io.api.batch.v1",
            "networking.k8s.io/v1", "k8s.io.api.networking.v1");
    private static final Map<String, Descriptor> KINDS = kinds(V1.getDescriptor(), V1Apps.getDescriptor(),
            V1Batch.getDescriptor(), V1Networking.getDescriptor());

    /*
     * gogo-protobuf writes a plain (non-pointer) Go field even when it holds its zero value, and a
     * pointer field only when it is set. Go's JSON leaves out the zero values of plain fields
     * (omitempty), so a zero is dropped here unless the field is one of the pointers whose zero
     * means something different from "not set" (replicas: 0 is not the default 1).
     */
    private static final Set<String> MEANINGFUL_ZEROS = Set.of("replicas", "parallelism", "completions", "backoffLimit",
            "revisionHistoryLimit", "progressDeadlineSeconds", "terminationGracePeriodSeconds", "ttlSecondsAfterFinished",
            "activeDeadlineSeconds", "deletionGracePeriodSeconds", "enableServiceLinks", "automountServiceAccountToken",
            "allocateLoadBalancerNodePorts", "suspend", "optional", "runAsUser", "runAsGroup", "fsGroup");

    private ProtobufBody() {
    }

    /** The object of a protobuf body as the JSON tree its Go object marshals to, apiVersion and kind included. */
    static JsonNode object(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "provided object is not a protobuf message");
        }
        try {
            Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
            String apiVersion = unknown.getTypeMeta().getApiVersion();
            String kind = unknown.getTypeMeta().getKind();
            Descriptor descriptor = Optional.ofNullable(PACKAGES.get(apiVersion)).map(pkg -> KINDS.get(pkg + "." + kind))
                    .orElseThrow(() -> new ApiException(ApiException.Reason.BAD_REQUEST, "no kind \"" + kind
                            + "\" is registered for version \"" + apiVersion + "\" in scheme \"pkg/api/legacyscheme/scheme.go:30\""));
            ObjectNode tree = NODES.objectNode();
            tree.put("kind", kind);
            tree.put("apiVersion", apiVersion);
            tree.setAll(message(DynamicMessage.parseFrom(descriptor, unknown.getRaw())));
            return tree;
        } catch (InvalidProtocolBufferException e) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "proto: " + e.getMessage());
        } catch (DateTimeException e) {
            // A time no Go time.Time can hold (seconds beyond year 9999…): the decoder's own refusal.
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "proto: a timestamp is out of range: " + e.getMessage());
        }
    }

    private static Map<String, Descriptor> kinds(FileDescriptor... files) {
        Map<String, Descriptor> kinds = new HashMap<>();
        for (FileDescriptor file : files) {
            file.getMessageTypes().forEach(type -> kinds.put(type.getFullName(), type));
        }
        return Map.copyOf(kinds);
    }

    private static ObjectNode message(Message message) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            JsonNode value = descriptor.isMapField() ? map(descriptor, field.getValue())
                    : descriptor.isRepeated() ? list(descriptor, field.getValue()) : single(descriptor, field.getValue());
            if (value != null) {
                object.set(descriptor.getJsonName(), value);
            }
        }
        return object;
    }

    private static JsonNode map(FieldDescriptor descriptor, Object entries) {
        ObjectNode object = NODES.objectNode();
        FieldDescriptor key = descriptor.getMessageType().findFieldByName("key");
        FieldDescriptor value = descriptor.getMessageType().findFieldByName("value");
        for (Object entry : (Iterable<?>) entries) {
            Message pair = (Message) entry;
            JsonNode converted = scalarOrMessage(value, pair.getField(value));
            object.set(String.valueOf(pair.getField(key)), converted == null ? NODES.textNode("") : converted);
        }
        return object;
    }

    private static JsonNode list(FieldDescriptor descriptor, Object values) {
        ArrayNode array = NODES.arrayNode();
        for (Object value : (Iterable<?>) values) {
            JsonNode converted = scalarOrMessage(descriptor, value);
            array.add(converted == null ? zero(descriptor) : converted);
        }
        return array;
    }

    /** A singular field, or null where Go's JSON would leave it out. */
    private static JsonNode single(FieldDescriptor descriptor, Object value) {
        JsonNode converted = scalarOrMessage(descriptor, value);
        if (converted == null && MEANINGFUL_ZEROS.contains(descriptor.getJsonName())) {
            return zero(descriptor);
        }
        return converted;
    }

    private static JsonNode scalarOrMessage(FieldDescriptor descriptor, Object value) {
        return switch (descriptor.getJavaType()) {
            case MESSAGE -> special((Message) value);
            case STRING -> ((String) value).isEmpty() ? null : NODES.textNode((String) value);
            case BYTE_STRING -> ((ByteString) value).isEmpty() ? null
                    : NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case BOOLEAN -> (Boolean) value ? NODES.booleanNode(true) : null;
            case INT -> (Integer) value == 0 ? null : NODES.numberNode((Integer) value);
            case LONG -> (Long) value == 0 ? null : NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case ENUM -> NODES.textNode(value.toString());
        };
    }

    private static JsonNode zero(FieldDescriptor descriptor) {
        return switch (descriptor.getJavaType()) {
            case BOOLEAN -> NODES.booleanNode(false);
            case INT, LONG -> NODES.numberNode(0);
            default -> NODES.textNode("");
        };
    }

    /** The apimachinery types whose JSON is not their protobuf's shape (their MarshalJSON methods). */
    private static JsonNode special(Message value) {
        String type = value.getDescriptorForType().getFullName();
        return switch (type) {
            case "k8s.io.apimachinery.pkg.apis.meta.v1.Time" -> time(value, false);
            case "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime" -> time(value, true);
            case "k8s.io.apimachinery.pkg.apis.meta.v1.Duration" -> NODES.textNode(GoDuration.format(longField(value, "duration")));
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> longField(value, "type") == 1
                    ? NODES.textNode(String.valueOf(field(value, "strVal"))) : NODES.numberNode(((Number) field(value, "intVal")).intValue());
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> NODES.textNode(String.valueOf(field(value, "string")));
            case "k8s.io.apimachinery.pkg.runtime.RawExtension", "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1" -> raw(value);
            default -> message(value);
        };
    }

    /** A zero time marshals to null in Go, which an omitempty field leaves out. */
    private static JsonNode time(Message value, boolean micro) {
        long seconds = longField(value, "seconds");
        int nanos = ((Number) field(value, "nanos")).intValue();
        if (seconds == 0 && nanos == 0) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(seconds, nanos);
        return NODES.textNode(micro ? MICRO.format(at) : DateTimeFormatter.ISO_INSTANT.format(at.minusNanos(nanos)));
    }

    private static JsonNode raw(Message value) {
        ByteString raw = (ByteString) field(value, "raw");
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(raw.toByteArray());
        } catch (IOException e) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "json: error calling MarshalJSON for type"
                    + " *runtime.RawExtension: invalid character in raw object");
        }
    }

    private static Object field(Message value, String name) {
        return value.getField(value.getDescriptorForType().findFieldByName(name));
    }

    private static long longField(Message value, String name) {
        return ((Number) field(value, name)).longValue();
    }

}
