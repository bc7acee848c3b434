package org.laymanlabs.sandbox.kube.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirrors k8s.io/apimachinery's JSON and YAML serializers: strict decoding of manifests into the
 * fabric8 API types (unknown fields and wrongly typed values are errors, with their field path),
 * and the encodings kubectl prints: {@code -o json} with four-space indentation and
 * {@code -o yaml} as sigs.k8s.io/yaml writes it, both with keys sorted as Go sorts map keys.
 */
public final class Codec {

    private static final ThreadLocal<List<String>> UNKNOWN = new ThreadLocal<>();

    private final ObjectMapper strict;
    private final ObjectMapper plain;
    private final YAMLMapper yaml;

    private Codec() {
        this.strict = strictMapper();
        // Go's encoding/json writes a map's keys sorted (a struct's fields in their declared order):
        // labels, annotations and selectors are stored, copied and hashed in one order, whatever
        // order the map that holds them was filled in (a Map.of's differs from one JVM to the next).
        this.plain = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).addModule(microTime()).build();
        this.yaml = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .stringQuotingChecker(new GoYamlQuoting())
                        .build())
                .build();
    }

    private static final Codec SHARED = new Codec();

    /** The one codec; it holds no per-sandbox state, so every sandbox shares it. */
    public static Codec shared() {
        return SHARED;
    }

    /**
     * The fabric8 types keep unknown fields in an "additionalProperties" any-setter. Removing it
     * makes Jackson report them, so that a typo such as {@code replica:} is an error, as with
     * kube-apiserver's {@code fieldValidation=Strict}, instead of being silently kept.
     */
    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetter = new SimpleModule("strict-decoding");
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                if (description.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                    builder.setAnySetter(null);
                }
                return builder;
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetter)
                .addModule(microTime())
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                         JsonDeserializer<?> deserializer, Object bean, String property)
                            throws IOException {
                        List<String> unknown = UNKNOWN.get();
                        if (unknown != null) {
                            unknown.add("unknown field \"" + path(parser.getParsingContext()) + "\"");
                        }
                        parser.skipChildren();
                        return true;
                    }
                })
                .build();
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The fabric8 types use ZonedDateTime only for metav1.MicroTime (a Lease's renewTime, an
     * events.k8s.io eventTime), which Kubernetes writes with exactly six fractional digits.
     */
    private static SimpleModule microTime() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);
        SimpleModule module = new SimpleModule("metav1.MicroTime");
        module.addSerializer(ZonedDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(ZonedDateTime value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(format.format(value));
            }
        });
        module.addDeserializer(ZonedDateTime.class, new JsonDeserializer<>() {
            @Override
            public ZonedDateTime deserialize(JsonParser in, DeserializationContext context) throws IOException {
                try {
                    return ZonedDateTime.parse(in.getValueAsString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    return (ZonedDateTime) context.handleWeirdStringValue(ZonedDateTime.class, in.getValueAsString(),
                            "not an RFC 3339 time");
                }
            }
        });
        return module;
    }

    /** "spec.template.spec.containers[0].imagee", as apimachinery names a field. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /**
     * Decodes one manifest strictly. Every unknown field is reported (kube-apiserver lists them
     * all); a wrongly typed value stops decoding, as Go's encoding/json does.
     */
    public <T> T decode(JsonNode manifest, Class<T> type) throws DecodingException {
        List<String> unknown = new ArrayList<>();
        UNKNOWN.set(unknown);
        try {
            T value = strict.treeToValue(manifest, type);
            if (!unknown.isEmpty()) {
                throw new DecodingException(unknown);
            }
            requireQuantities(manifest, "");
            return value;
        } catch (MismatchedInputException e) {
            throw new DecodingException(List.of(GoUnmarshalError.describe(e, type)));
        } catch (JsonProcessingException e) {
            throw new DecodingException(List.of(e.getOriginalMessage()));
        } finally {
            UNKNOWN.remove();
        }
    }

    /**
     * apimachinery's resource.Quantity unmarshalling: every value of a {@code limits} or
     * {@code requests} map must parse, or the whole body is refused, as kube-apiserver refuses it
     * before anything reads it (a bad quantity must never reach the scheduler or the kubelet).
     */
    private static void requireQuantities(JsonNode node, String field) throws DecodingException {
        if (node.isObject() && (field.equals("limits") || field.equals("requests"))) {
            for (JsonNode value : node) {
                if (!value.isObject() && !value.isArray() && !isQuantity(value.asText())) {
                    throw new DecodingException(List.of("quantities must match the regular expression "
                            + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
                }
            }
        }
        if (node.isContainerNode()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                requireQuantities(entry.getValue(), entry.getKey());
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    requireQuantities(item, "");
                }
            }
        }
    }

    private static boolean isQuantity(String text) {
        if (!QUANTITY.matcher(text).matches()) {
            return false;
        }
        try {
            io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(new io.fabric8.kubernetes.api.model.Quantity(text));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

    /** The object as a JSON tree, for patches and field paths. */
    public JsonNode toTree(Object object) {
        return plain.valueToTree(object);
    }

    /** Trusted data (our own store, our own builders): no strictness needed. */
    public <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return plain.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored object does not decode as " + type.getSimpleName(), e);
        }
    }

    /** The compact JSON kept in etcd. */
    public String toStorage(Object object) {
        try {
            return plain.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T fromStorage(String json, Class<T> type) {
        try {
            return plain.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored object does not decode as " + type.getSimpleName(), e);
        }
    }

    /**
     * A deep copy: objects read from the API server's cache are shared and must not be changed.
     * The object's JSON tokens are buffered and read straight back, the same serializers and
     * deserializers as a round trip through a JSON tree without building the tree (the API
     * server copies every object it creates or writes, so this is on its hottest path).
     */
    @SuppressWarnings("unchecked")
    public <T> T copy(T object) {
        try (TokenBuffer tokens = new TokenBuffer(plain, false)) {
            plain.writeValue(tokens, object);
            try (JsonParser parser = tokens.asParser()) {
                return plain.readValue(parser, (Class<T>) object.getClass());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kubectl's -o json: four-space indentation, keys sorted, a newline at the end. */
    public String toJson(Object object) {
        DefaultPrettyPrinter printer = new GoIndentPrinter();
        try {
            return plain.writer(printer).writeValueAsString(sorted(toTree(object))) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** go-yaml quotes strings that YAML 1.1 would read as timestamps, such as creationTimestamp's value. */
    private static final class GoYamlQuoting extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {

        private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile(
                "\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

        @Override
        public boolean needToQuoteValue(String value) {
            return TIMESTAMP.matcher(value).matches() || super.needToQuoteValue(value);
        }
    }

    /** Go's json.MarshalIndent writes empty arrays and objects as [] and {}, where Jackson writes "[ ]". */
    private static final class GoIndentPrinter extends DefaultPrettyPrinter {

        GoIndentPrinter() {
            super(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
            _objectIndenter = new DefaultIndenter("    ", "\n");
            _arrayIndenter = new DefaultIndenter("    ", "\n");
        }

        private GoIndentPrinter(GoIndentPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new GoIndentPrinter(this);
        }

        @Override
        public void writeEndArray(JsonGenerator out, int values) throws IOException {
            if (values == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                out.writeRaw(']');
            } else {
                super.writeEndArray(out, values);
            }
        }

        @Override
        public void writeEndObject(JsonGenerator out, int entries) throws IOException {
            if (entries == 0) {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                out.writeRaw('}');
            } else {
                super.writeEndObject(out, entries);
            }
        }
    }

    /** kubectl's -o yaml: sigs.k8s.io/yaml's layout, keys sorted. */
    public String toYaml(Object object) {
        try {
            return yaml.writeValueAsString(sorted(toTree(object)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Go's encoding/json writes map keys sorted, and kubectl prints objects as maps. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }
}
