package org.laymanlabs.sandbox.container.program;

import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline of a shell script, as sh runs them one after another: the text between {@code ;},
 * newlines, {@code &&} and {@code ||} (outside quotes, comments and command substitutions), how it joins the one
 * before, and its line in the script (for dash's "sh: 3: foo: not found"). Cutting the script
 * here is what lets a {@code sleep} pause it on the sandbox's clock, between two steps.
 *
 * @param join what decides whether it runs: always, only after success, or only after failure
 */
record ScriptStep(Join join, String text, int line) {

    enum Join { ALWAYS, ON_SUCCESS, ON_FAILURE }

    /** Whether it runs after a step that ended with {@code status}, as in an and-or list. */
    boolean runsAfter(int status) {
        return join == Join.ALWAYS || (join == Join.ON_SUCCESS) == (status == 0);
    }

    static List<ScriptStep> split(String script) {
        List<ScriptStep> steps = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Join join = Join.ALWAYS;
        int line = 1;
        int startLine = 1;
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                text.append(c);
                if (c == '\\' && quote != '\'' && i + 1 < script.length()) {
                    text.append(script.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                text.append(c);
            } else if (c == '(' || c == ')') {
                // Inside $(...) a ; or newline belongs to the substitution, not to the script.
                depth += c == '(' ? 1 : -1;
                text.append(c);
            } else if (depth > 0) {
                text.append(c);
            } else if (c == '\\' && i + 1 < script.length()) {
                text.append(c).append(script.charAt(++i));
            } else if (c == '#' && (text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == ';' || c == '\n') {
                // A line ending in && or || goes on with the next line's command.
                if (!text.toString().isBlank() || c == ';') {
                    add(steps, join, text, startLine);
                    join = Join.ALWAYS;
                }
                startLine = line;
            } else if ((c == '&' || c == '|') && i + 1 < script.length() && script.charAt(i + 1) == c) {
                add(steps, join, text, startLine);
                join = c == '&' ? Join.ON_SUCCESS : Join.ON_FAILURE;
                startLine = line;
                i++;
            } else {
                text.append(c);
            }
            if (c == '\n') {
                line++;
                startLine = line;
            }
        }
        add(steps, join, text, startLine);
        return steps;
    }

    private static void add(List<ScriptStep> steps, Join join, StringBuilder text, int line) {
        String stripped = text.toString().strip();
        text.setLength(0);
        if (!stripped.isEmpty()) {
            steps.add(new ScriptStep(join, stripped, line));
        }
    }
}
