package org.laymanlabs.backend.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.grading.ObjectExpression;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What the validator has found wrong with one lab so far, each problem placed in the file: it
 * knows where every value of lab.yaml sits, and reads the lab's other files, reporting those
 * that are missing at the line that names them.
 */
final class LabReport {

    private final String file;
    private final String text;
    private final YamlTree tree;
    private final LabFolder folder;
    private final List<LabProblem> problems = new ArrayList<>();

    LabReport(String file, String text, YamlTree tree, LabFolder folder) {
        this.file = file;
        this.text = text;
        this.tree = tree;
        this.folder = folder;
    }

    List<LabProblem> problems() {
        return problems;
    }

    void add(LabProblem problem) {
        problems.add(problem);
    }

    /** A problem with the value at {@code path}. */
    void at(List<Object> path, String message) {
        int[] at = tree.at(path);
        problems.add(new LabProblem(file, at[0], at[1], LabSchema.dotted(path) + ": " + message));
    }

    /** A file of the lab's folder that the value at {@code path} names; a missing one is a problem there. */
    Optional<String> read(List<Object> path, String relative) {
        try {
            Optional<String> content = folder.read(relative);
            if (content.isEmpty()) {
                at(path, "no file '" + relative + "' in the lab's folder " + folder.label() + "/");
            }
            return content;
        } catch (IOException e) {
            at(path, "cannot read '" + relative + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A CEL problem, placed at its own line and column inside the YAML scalar that holds the
     * expression: exactly for one-line plain or quoted scalars and for literal blocks ({@code |}),
     * and at the scalar's start for folded ones, whose line breaks YAML has rewritten.
     */
    void cel(List<Object> path, ObjectExpression.Issue issue) {
        Node node = tree.node(path);
        int[] start = tree.at(path);
        int line = start[0];
        int column = start[1];
        if (node instanceof ScalarNode scalar) {
            DumperOptions.ScalarStyle style = scalar.getScalarStyle();
            boolean oneLine = scalar.getStartMark().getLine() == scalar.getEndMark().getLine();
            if (style == DumperOptions.ScalarStyle.LITERAL) {
                line = start[0] + issue.line();
                column = indentOf(line) + issue.column() + 1;
            } else if (oneLine && issue.line() == 1) {
                boolean quoted = style == DumperOptions.ScalarStyle.SINGLE_QUOTED
                        || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
                column = start[1] + (quoted ? 1 : 0) + issue.column();
            }
        }
        problems.add(new LabProblem(file, line, column, LabSchema.dotted(path) + ": CEL: " + issue.message()));
    }

    private int indentOf(int line) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return 0;
        }
        String content = lines[line - 1];
        int indent = 0;
        while (indent < content.length() && content.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}
