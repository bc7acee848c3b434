package org.laymanlabs.backend.lab;

import static org.laymanlabs.backend.lab.LabValidator.append;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.laymanlabs.backend.grading.Check;
import org.laymanlabs.backend.grading.ContainerCheck;
import org.laymanlabs.backend.grading.FileCheck;
import org.laymanlabs.backend.grading.HistoryCheck;
import org.laymanlabs.backend.grading.ImageCheck;
import org.laymanlabs.backend.grading.ObjectCheck;
import org.laymanlabs.backend.grading.ObjectExpression;
import org.laymanlabs.backend.grading.Origin;
import org.laymanlabs.backend.grading.RequestCheck;
import org.laymanlabs.backend.grading.TraceCheck;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Reads one check of a step into its {@link Check}, compiling what can be compiled once (CEL,
 * regular expressions) and reporting what does not compile at its place in the file. The schema
 * has already judged the check's shape; this reader only skips what the schema rejected.
 */
final class CheckReader {

    private CheckReader() {
    }

    static Optional<Check> read(JsonNode check, List<Object> at, LabReport report) {
        String name = check.path("name").asText();
        JsonNode expect = check.path("expect");
        switch (check.path("kind").asText()) {
            case "object" -> {
                return object(check, at, report, name);
            }
            case "request" -> {
                return origin(check.path("from")).map(from -> new RequestCheck(name, from, check.path("url").asText(),
                        text(check, "host"), check.path("count").asInt(1), integer(expect, "status"),
                        text(expect, "bodyContains"), integer(expect, "endpoints")));
            }
            case "trace" -> {
                String to = check.path("to").asText();
                if (!to.matches("[^:/]+(:[0-9]{1,5})?")) {
                    return Optional.empty();
                }
                int colon = to.indexOf(':');
                int port = colon < 0 ? 80 : Integer.parseInt(to.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    report.at(append(at, "to"), "the port must be 1-65535, was " + port);
                    return Optional.empty();
                }
                return origin(check.path("from")).map(from -> new TraceCheck(name, from,
                        colon < 0 ? to : to.substring(0, colon), port, text(expect, "crossesChain"),
                        labels(expect.path("endsAtPod"))));
            }
            case "image" -> {
                return Optional.of(new ImageCheck(name, check.path("image").asText(), expect.path("exists").asBoolean(true),
                        integer(expect, "layers"), text(expect, "base")));
            }
            case "container" -> {
                return Optional.of(new ContainerCheck(name, text(check, "container"), text(check, "image"),
                        text(expect, "state").flatMap(CheckReader::containerStatus),
                        integer(expect, "publishes"), integer(expect, "exitCode"), expect.path("atLeast").asInt(1)));
            }
            case "file" -> {
                Optional<Pattern> matches = pattern(expect, append(at, "expect", "matches"), report);
                if (expect.has("matches") && matches.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new FileCheck(name, check.path("path").asText(), expect.path("exists").asBoolean(true),
                        text(expect, "contains"), matches));
            }
            case "history" -> {
                return pattern(check, append(at, "matches"), report).map(p -> new HistoryCheck(name, p,
                        text(check, "expect").orElse("a command matching /" + p.pattern() + "/")));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Check> object(JsonNode check, List<Object> at, LabReport report, String name) {
        Optional<ResourceType> resource = ApiResources.find(check.path("resource").asText());
        if (check.path("resource").isTextual() && resource.isEmpty()) {
            report.at(append(at, "resource"), "the cluster has no resource type '" + check.path("resource").asText()
                    + "'; use one kubectl api-resources lists, like pods, services or deployments");
        }
        Optional<ObjectExpression> expression = cel(check, "expression", at, report, true);
        Optional<ObjectExpression> found = check.has("found") ? cel(check, "found", at, report, false) : Optional.empty();
        if (resource.isEmpty() || expression.isEmpty() || check.has("found") && found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectCheck(name, resource.get(), check.path("namespace").asText("default"),
                text(check, "object"), expression.get(), found, check.path("expect").asText()));
    }

    private static Optional<ObjectExpression> cel(JsonNode check, String field, List<Object> at, LabReport report,
                                                  boolean predicate) {
        if (!check.path(field).isTextual()) {
            return Optional.empty();
        }
        String source = check.path(field).asText();
        try {
            return Optional.of(predicate ? ObjectExpression.predicate(source) : ObjectExpression.value(source));
        } catch (ObjectExpression.Invalid e) {
            e.issues().forEach(issue -> report.cel(append(at, field), issue));
            return Optional.empty();
        }
    }

    private static Optional<Pattern> pattern(JsonNode node, List<Object> at, LabReport report) {
        String field = (String) at.get(at.size() - 1);
        if (!node.path(field).isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(node.path(field).asText(), Pattern.MULTILINE));
        } catch (PatternSyntaxException e) {
            report.at(at, "not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return Optional.empty();
        }
    }

    private static Optional<Origin> origin(JsonNode from) {
        if (from.has("node")) {
            return Optional.of(new Origin.Node(from.path("node").asText()));
        }
        if (from.has("pod")) {
            return Optional.of(new Origin.Pod(from.path("pod").asText()));
        }
        return from.path("outside").asBoolean(false) ? Optional.of(new Origin.Outside()) : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.path(field).asText()) : Optional.empty();
    }

    private static OptionalInt integer(JsonNode node, String field) {
        return node.path(field).isIntegralNumber() ? OptionalInt.of(node.path(field).asInt()) : OptionalInt.empty();
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** A state the schema allows; any other the schema has already reported, so it is left out here. */
    private static Optional<ContainerStatus> containerStatus(String state) {
        return java.util.Arrays.stream(ContainerStatus.values()).filter(v -> v.name().equalsIgnoreCase(state)).findFirst();
    }
}
