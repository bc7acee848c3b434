package org.laymanlabs.sandbox.kube.store;

import java.util.List;
import java.util.Locale;

/**
 * Mirrors olekukonko/tablewriter v0.0.5 as etcdctl -w table uses it: upper-cased headers centred
 * (odd space on the right), cells right-aligned (etcdctl sets ALIGN_RIGHT), ASCII borders.
 */
final class AsciiTable {

    private AsciiTable() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        List<String> titles = header.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList();
        int[] widths = new int[titles.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = titles.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        String border = border(widths);
        out.append(border);
        appendRow(out, titles, widths, true);
        out.append(border);
        rows.forEach(row -> appendRow(out, row, widths, false));
        out.append(border);
        return out.toString();
    }

    private static String border(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.append('\n').toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths, boolean centred) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            int gap = widths[i] - cell.length();
            int left = centred ? gap / 2 : gap;
            out.append(' ').append(" ".repeat(left)).append(cell).append(" ".repeat(gap - left)).append(" |");
        }
        out.append('\n');
    }
}
