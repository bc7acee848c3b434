package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors kubectl's tab writer (cli-runtime printers.GetNewTabWriter over text/tabwriter): cells
 * padded to the widest cell of their column plus three spaces, at least six wide; the last cell
 * of a row is never padded.
 */
final class TabWriter {

    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    private final List<List<String>> rows = new ArrayList<>();

    void row(List<String> cells) {
        rows.add(List.copyOf(cells));
    }

    String render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, width(row.get(i)) + PADDING));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(cell);
                if (i < row.size() - 1) {
                    out.append(" ".repeat(widths[i] - width(cell)));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
