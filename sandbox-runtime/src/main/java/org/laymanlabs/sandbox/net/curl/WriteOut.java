package org.laymanlabs.sandbox.net.curl;

import java.util.Locale;
import java.util.Map;

/** Expands {@code -w}/{@code --write-out} formats: {@code %{variable}}, {@code \n}, {@code \t} (src/tool_writeout.c). */
final class WriteOut {

    private WriteOut() {
    }

    /** Returns the expansion; unknown variables are warned about on {@code warnings}, as curl does. */
    static String expand(String format, Map<String, String> variables, StringBuilder warnings) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && format.startsWith("%{", i)) {
                int close = format.indexOf('}', i);
                if (close > 0) {
                    String name = format.substring(i + 2, close);
                    String value = variables.get(name.toLowerCase(Locale.ROOT));
                    if (value == null) {
                        warnings.append("curl: unknown --write-out variable: '").append(name).append("'\n");
                    } else {
                        out.append(value);
                    }
                    i = close;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < format.length()) {
                char next = format.charAt(i + 1);
                if (next == 'n' || next == 't' || next == 'r' || next == '\\') {
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> '\\';
                    });
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
