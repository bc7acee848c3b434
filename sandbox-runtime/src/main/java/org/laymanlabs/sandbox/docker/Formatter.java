package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.image.json.JsonValue;

/**
 * Applies a {@code --format} value to rows: {@code table …} renders a header and aligned columns,
 * {@code json} one JSON object per line, anything else the template per row. Mirrors docker/cli
 * cli/command/formatter/formatter.go (Context.preFormat, Write, postFormat).
 */
final class Formatter {

    static final String TABLE = "table";
    static final String JSON = "json";

    private Formatter() {
    }

    static boolean isTable(String format) {
        return format.startsWith(TABLE);
    }

    /**
     * @param header  column titles by field name, for table formats
     * @param rowType the Go type behind each row, named in "can't evaluate field" errors
     * @throws TemplateException with the CLI's "template parsing error: …" message
     */
    static String render(String format, List<JsonValue.Obj> rows, JsonValue.Obj header, String rowType)
            throws TemplateException {
        String template = format;
        if (isTable(format)) {
            template = template.substring(TABLE.length());
        } else if (format.equals(JSON)) {
            template = "{{json .}}";
        }
        template = trimSpaces(template).replace("\\t", "\t").replace("\\n", "\n");
        GoTemplate parsed = parse(template);
        StringBuilder body = new StringBuilder();
        for (JsonValue.Obj row : rows) {
            body.append(execute(parsed, template, row, rowType, false)).append('\n');
        }
        if (!isTable(format)) {
            return body.toString();
        }
        String head = execute(parsed, template, header, rowType, true) + "\n";
        return Table.format(head + body);
    }

    static GoTemplate parse(String template) throws TemplateException {
        try {
            return GoTemplate.parse(template);
        } catch (TemplateException e) {
            throw new TemplateException("template parsing error: " + e.getMessage());
        }
    }

    static String execute(GoTemplate parsed, String template, JsonValue dot, String rowType, boolean header)
            throws TemplateException {
        try {
            return new TemplateExecution(template, rowType, header).run(parsed, dot);
        } catch (TemplateException e) {
            throw new TemplateException("template parsing error: " + e.getMessage());
        }
    }

    /** Go's {@code strings.Trim(s, " ")}: spaces only, not tabs or newlines. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }
}
