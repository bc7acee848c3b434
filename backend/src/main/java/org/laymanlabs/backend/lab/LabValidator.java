package org.laymanlabs.backend.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.backend.grading.Check;
import org.laymanlabs.sandbox.Fault;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * Validates one lab's folder and, when nothing is wrong, builds its {@link LabDefinition}. It
 * reports every problem it can find in one pass, each at its file, line and column: YAML syntax,
 * what the JSON Schema (docs/lab-schema.json) rejects (unknown fields, unknown check kinds, wrong
 * types), CEL that does not compile, and files the lab names but does not have.
 */
public final class LabValidator {

    static final String FILE = "lab.yaml";

    /**
     * @param file       how the lab.yaml is named in problems, e.g. {@code labs/web/lab.yaml}
     * @param definition present exactly when {@code problems} is empty
     * @param order      the lab's {@code metadata.order} and where it is written, if it has one
     */
    public record Outcome(String file, Optional<LabDefinition> definition, List<LabProblem> problems,
                          Optional<Order> order) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A lab's place in the curriculum, and the problem to report there if another lab has the same. */
    public record Order(int value, String file, int line, int column) {

        LabProblem taken(String byFile) {
            return new LabProblem(file, line, column, "metadata.order: another lab already has the order "
                    + value + " (" + byFile + "); each lab needs its own place in the curriculum");
        }
    }

    private LabValidator() {
    }

    /**
     * What no single lab can show: two labs with the same {@code metadata.order}. The first (by
     * file) keeps it; each other one gets a problem at its own {@code order:} line.
     */
    public static List<LabProblem> duplicateOrders(List<Outcome> outcomes) {
        Map<Integer, String> first = new HashMap<>();
        List<LabProblem> problems = new ArrayList<>();
        outcomes.stream().flatMap(o -> o.order().stream())
                .sorted(Comparator.comparing(Order::file))
                .forEach(order -> {
                    String holder = first.putIfAbsent(order.value(), order.file());
                    if (holder != null) {
                        problems.add(order.taken(holder));
                    }
                });
        return problems;
    }

    /** Validates the lab in a folder on disk, e.g. {@code labs/images-and-containers}. */
    public static Outcome validate(Path folder) {
        return validate(LabFolder.of(folder.toAbsolutePath().normalize()));
    }

    static Outcome validate(LabFolder folder) {
        String file = folder.label() + "/" + FILE;
        String text;
        try {
            Optional<String> read = folder.read(FILE);
            if (read.isEmpty()) {
                return failed(file, LabProblem.inFile(file, "no lab.yaml in the lab's folder"));
            }
            text = read.get();
        } catch (IOException e) {
            return failed(file, LabProblem.inFile(file, "cannot be read: " + e.getMessage()));
        }
        YamlTree tree;
        try {
            tree = YamlTree.parse(text);
        } catch (YamlTree.SyntaxError e) {
            return failed(file, new LabProblem(file, e.line, e.column, e.getMessage()));
        }
        if (tree.root() == null || !tree.root().isObject()) {
            return failed(file, LabProblem.inFile(file, tree.root() == null ? "the file is empty"
                    : "the file must be a mapping that starts with apiVersion: laymanlabs.org/v1alpha1"));
        }
        LabReport report = new LabReport(file, text, tree, folder);
        LabSchema.validate(file, tree).forEach(report::add);
        Optional<LabDefinition> definition;
        try {
            definition = read(tree.root(), folder, report);
        } catch (RuntimeException e) {
            // A reader that trips over a value is a bug of ours; the lab still gets problems, never an exception.
            if (report.problems().isEmpty()) {
                report.add(LabProblem.inFile(file, "cannot be read: " + e.getMessage()));
            }
            definition = Optional.empty();
        }
        List<LabProblem> problems = new ArrayList<>(new java.util.LinkedHashSet<>(report.problems()));
        problems.sort(Comparator.comparingInt(LabProblem::line).thenComparingInt(LabProblem::column));
        return new Outcome(file, problems.isEmpty() ? definition : Optional.empty(), problems, order(file, tree));
    }

    private static Optional<Order> order(String file, YamlTree tree) {
        JsonNode order = tree.root().path("metadata").path("order");
        if (!order.isIntegralNumber() || !order.canConvertToInt()) {
            return Optional.empty();
        }
        int[] at = tree.at(List.of("metadata", "order"));
        return Optional.of(new Order(order.asInt(), file, at[0], at[1]));
    }

    private static Outcome failed(String file, LabProblem problem) {
        return new Outcome(file, Optional.empty(), List.of(problem), Optional.empty());
    }

    /** Reads what the schema cannot judge; every reader tolerates values the schema already reported. */
    private static Optional<LabDefinition> read(JsonNode root, LabFolder folder, LabReport report) {
        JsonNode metadata = root.path("metadata");
        if (metadata.has("id") && !metadata.path("id").asText().equals(folder.name())) {
            report.at(List.of("metadata", "id"), "must equal the folder name '" + folder.name() + "', was '"
                    + metadata.path("id").asText() + "'");
        }
        Optional<SandboxSpec> sandbox = SandboxReader.read(root.path("sandbox"), report);
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode stepNodes = root.path("steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            List<Object> at = List.of("steps", i);
            String id = stepNodes.get(i).path("id").asText();
            if (!id.isEmpty() && !ids.add(id)) {
                report.at(List.of("steps", i, "id"), "another step already has the id '" + id + "'");
            }
            readStep(stepNodes.get(i), at, report).ifPresent(steps::add);
        }
        if (!report.problems().isEmpty() || sandbox.isEmpty()) {
            return Optional.empty();
        }
        Lab lab = new Lab(metadata.path("id").asText(), metadata.path("title").asText().strip(),
                metadata.path("summary").asText().strip(), Level.valueOf(metadata.path("level").asText().toUpperCase()),
                metadata.path("minutes").asInt(), strings(metadata.path("concepts")), metadata.path("order").asInt());
        return Optional.of(new LabDefinition(lab, sandbox.get(), steps));
    }

    private static Optional<Step> readStep(JsonNode step, List<Object> at, LabReport report) {
        Optional<String> text = step.path("text").isTextual()
                ? report.read(append(at, "text"), step.path("text").asText()) : Optional.empty();
        List<Step.WorkspaceFile> files = readFiles(step.path("files"), append(at, "files"), report);
        List<Fault> faults = SandboxReader.faults(step.path("faults"), append(at, "faults"), report);
        List<Check> checks = new ArrayList<>();
        JsonNode checkNodes = step.path("checks");
        boolean onlyHistory = checkNodes.size() > 0;
        for (JsonNode check : checkNodes) {
            onlyHistory &= check.path("kind").asText().equals("history");
        }
        if (onlyHistory) {
            report.at(append(at, "checks"), "a step needs at least one check on the sandbox's state, "
                    + "not only on the command history");
        }
        for (int c = 0; c < checkNodes.size(); c++) {
            CheckReader.read(checkNodes.get(c), append(at, "checks", c), report).ifPresent(checks::add);
        }
        JsonNode solution = step.path("solution");
        List<Step.WorkspaceFile> solutionFiles = readFiles(solution.path("files"), append(at, "solution", "files"), report);
        if (text.isEmpty() || checks.size() != checkNodes.size()) {
            return Optional.empty();
        }
        return Optional.of(new Step(step.path("id").asText(), step.path("title").asText(), text.get(), files, faults,
                strings(step.path("hints")), checks, new Step.Solution(solutionFiles, strings(solution.path("run")))));
    }

    private static List<Step.WorkspaceFile> readFiles(JsonNode files, List<Object> at, LabReport report) {
        List<Step.WorkspaceFile> read = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            if (file.path("from").isTextual() && file.path("to").isTextual()) {
                report.read(append(at, i, "from"), file.path("from").asText())
                        .ifPresent(content -> read.add(new Step.WorkspaceFile(file.path("to").asText(), content)));
            }
        }
        return read;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    static List<Object> append(List<Object> path, Object... more) {
        List<Object> longer = new ArrayList<>(path);
        longer.addAll(List.of(more));
        return List.copyOf(longer);
    }
}
