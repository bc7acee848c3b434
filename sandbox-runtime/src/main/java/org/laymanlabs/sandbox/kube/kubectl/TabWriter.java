package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.List;

/**
 * A port of Go's text/tabwriter as kubectl configures it: text with tab-terminated cells, where a
 * column block (consecutive lines that have a cell in that column) is as wide as its widest cell
 * plus the padding, at least the minimum width; a line's last cell is never padded. kubectl's
 * tables use minimum width 6 and padding 3 (cli-runtime printers.GetNewTabWriter); describe uses
 * minimum width 0 and padding 2 (describe.tabbedString).
 */
final class TabWriter {

    private final int minWidth;
    private final int padding;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder out = new StringBuilder();

    TabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** kubectl get's table writer. */
    static TabWriter forTables() {
        return new TabWriter(6, 3);
    }

    /** One table row: cells joined by tabs. */
    void row(List<String> cells) {
        write(String.join("\t", cells) + "\n");
    }

    void write(String s) {
        text.append(s);
    }

    /** Formats what was written so far; later text aligns on its own, as after Go's Flush. */
    void flush() {
        String buffered = text.toString();
        text.setLength(0);
        if (buffered.isEmpty()) {
            return;
        }
        boolean trailingNewline = buffered.endsWith("\n");
        String[] rawLines = (trailingNewline ? buffered.substring(0, buffered.length() - 1) : buffered).split("\n", -1);
        List<String[]> lines = new ArrayList<>();
        for (String line : rawLines) {
            lines.add(line.split("\t", -1));
        }
        format(lines, 0, lines.size(), new ArrayList<>());
        if (!trailingNewline) {
            out.setLength(out.length() - 1);
        }
    }

    String render() {
        flush();
        return out.toString();
    }

    private void format(List<String[]> lines, int line0, int line1, List<Integer> widths) {
        int column = widths.size();
        int start = line0;
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).length - 1) {
                continue;
            }
            writeLines(lines, start, current, widths);
            start = current;
            int width = minWidth;
            for (; current < line1; current++) {
                String[] line = lines.get(current);
                if (column >= line.length - 1) {
                    break;
                }
                width = Math.max(width, width(line[column]) + padding);
            }
            widths.add(width);
            format(lines, start, current, widths);
            widths.remove(widths.size() - 1);
            start = current;
            current--;
        }
        writeLines(lines, start, line1, widths);
    }

    private void writeLines(List<String[]> lines, int from, int to, List<Integer> widths) {
        for (int i = from; i < to; i++) {
            String[] cells = lines.get(i);
            for (int j = 0; j < cells.length; j++) {
                out.append(cells[j]);
                if (j < widths.size() && j < cells.length - 1) {
                    out.append(" ".repeat(Math.max(0, widths.get(j) - width(cells[j]))));
                }
            }
            out.append('\n');
        }
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
