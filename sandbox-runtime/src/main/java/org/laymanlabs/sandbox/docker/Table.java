package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-terminated cells into columns. Mirrors docker/cli's fork of Go's text/tabwriter as
 * the formatter configures it ({@code NewWriter(out, 10, 1, 3, ' ', 0)}): a column is as wide as
 * its widest cell plus 3, at least 10; the last cell of a line is not padded; columns are blocks
 * of consecutive lines that have a cell there (the elastic tabstops rule).
 */
final class Table {

    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private final List<List<String>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private Table(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            lines.add(List.of(line.split("\t", -1)));
        }
    }

    /** Formats text whose lines hold tab-terminated cells, keeping its final newline. */
    static String format(String text) {
        if (text.isEmpty()) {
            return "";
        }
        Table table = new Table(text);
        table.format(0, table.lines.size());
        return table.out + (text.endsWith("\n") ? "\n" : "");
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int at = line0; at < line1; at++) {
            if (column >= lines.get(at).size() - 1) {
                continue;
            }
            writeLines(line0, at);
            line0 = at;
            int width = MIN_WIDTH;
            for (; at < line1 && column < lines.get(at).size() - 1; at++) {
                width = Math.max(width, width(lines.get(at).get(column)) + PADDING);
            }
            widths.add(width);
            format(line0, at);
            widths.remove(widths.size() - 1);
            line0 = at;
            at--;
        }
        writeLines(line0, line1);
    }

    private void writeLines(int from, int to) {
        for (int i = from; i < to; i++) {
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size(); j++) {
                out.append(cells.get(j));
                if (j < widths.size()) {
                    out.append(" ".repeat(widths.get(j) - width(cells.get(j))));
                }
            }
            if (i < lines.size() - 1) {
                out.append('\n');
            }
        }
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
