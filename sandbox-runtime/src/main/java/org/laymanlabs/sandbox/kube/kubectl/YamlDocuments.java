package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Mirrors apimachinery's YAMLOrJSONDecoder as kubectl reads a manifest: a JSON stream when the
 * text starts with a brace, otherwise YAML documents separated by {@code ---}, each converted to
 * JSON as sigs.k8s.io/yaml does. A syntax error stops the file with go-yaml's words and line
 * ({@code yaml: line 5: mapping values are not allowed in this context}); documents before it
 * are still returned.
 */
final class YamlDocuments {

    /** The documents read before any error, and the error in kubectl's words (without the file name). */
    record Result(List<JsonNode> documents, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    static Result read(String text) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? json(text) : yaml(text);
    }

    private static Result json(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
            return new Result(documents, null);
        } catch (JsonEOFException e) {
            return new Result(documents, "unexpected EOF");
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof RuntimeException && e.getCause() != null ? e.getCause() : e;
            return new Result(documents, goJsonError(cause));
        }
    }

    /** encoding/json's syntax error for the character Jackson stopped at. */
    private static String goJsonError(Throwable e) {
        if (e instanceof JsonEOFException) {
            return "unexpected EOF";
        }
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : String.valueOf(e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Unexpected character \\('(.)'").matcher(message);
        if (m.find()) {
            return "invalid character '" + m.group(1) + "' looking for beginning of object key string";
        }
        return "invalid character in JSON: " + message.lines().findFirst().orElse("");
    }

    private static Result yaml(String text) {
        List<JsonNode> documents = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(2 * 1024 * 1024);
        // sigs.k8s.io/yaml decodes with go-yaml's non-strict mode: a repeated key silently wins.
        options.setWarnOnDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new Go11Resolver());
        try {
            for (Object document : yaml.loadAll(text)) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
            return new Result(documents, null);
        } catch (MarkedYAMLException e) {
            return new Result(documents, "error converting YAML to JSON: yaml: " + goYaml(e));
        } catch (YAMLException | IllegalArgumentException e) {
            return new Result(documents, "error converting YAML to JSON: yaml: " + e.getMessage());
        }
    }

    /**
     * go-yaml reports a scanner error at the problem's line, and a parser error at the problem's
     * zero-based line (a quirk of yaml.v2's parser.fail), with its own wording.
     */
    static String goYaml(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String words;
        if (problem.startsWith("mapping values are not allowed")) {
            words = "mapping values are not allowed in this context";
        } else if (problem.contains("that cannot start any token")) {
            words = "found character that cannot start any token";
        } else if (e instanceof ParserException && context.contains("block mapping")) {
            words = "did not find expected key";
        } else if (e instanceof ParserException && context.contains("block collection")) {
            words = "did not find expected '-' indicator";
        } else if (e instanceof ParserException && context.contains("flow mapping")) {
            words = "did not find expected ',' or '}'";
        } else if (e instanceof ParserException && context.contains("flow sequence")) {
            words = "did not find expected ',' or ']'";
        } else if (problem.startsWith("found undefined alias")) {
            words = "unknown anchor '" + problem.substring("found undefined alias ".length()) + "' referenced";
        } else {
            words = problem;
        }
        int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
        if (e instanceof ScannerException) {
            line++;
        }
        return (line != 0 ? "line " + line + ": " : "") + words;
    }

    /** YAML 1.1 scalars as go-yaml v2 resolves them, except that timestamps stay strings, as in JSON. */
    private static final class Go11Resolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
