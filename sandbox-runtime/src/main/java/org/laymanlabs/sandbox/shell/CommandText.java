package org.laymanlabs.sandbox.shell;

/**
 * Finds where a command substitution's text ends, as bash's parse_comsub does: the parenthesis
 * that closes {@code $(} is the first one outside quotes, escapes, backquotes and nested
 * substitutions, counting any {@code (} opened on the way.
 */
final class CommandText {

    private CommandText() {
    }

    /** @return the index of the {@code )} that closes a substitution whose text starts at {@code from} */
    static int closingParenthesis(String line, int from) throws ShellSyntaxException {
        int depth = 1;
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            switch (c) {
                case '\\' -> i++;
                case '\'' -> i = closing(line, i, '\'');
                case '`' -> i = closing(line, i, '`');
                case '"' -> i = closingDoubleQuote(line, i);
                case '(' -> depth++;
                case ')' -> {
                    if (--depth == 0) {
                        return i;
                    }
                }
                default -> { }
            }
            i++;
        }
        throw new ShellSyntaxException("unexpected EOF while looking for matching `)'");
    }

    /**
     * How deeply {@code $(} nests in {@code script}, counted roughly (any {@code )} closes one
     * level). Bash has no fixed limit, but each level is parsed again at each run, so the sandbox
     * refuses absurd nesting up front rather than spend its thread's stack on it.
     */
    static int nesting(String script) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '$' && i + 1 < script.length() && script.charAt(i + 1) == '(') {
                deepest = Math.max(deepest, ++depth);
                i++;
            } else if (c == '`') {
                deepest = Math.max(deepest, depth + 1);
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return deepest;
    }

    private static int closing(String line, int open, char quote) throws ShellSyntaxException {
        for (int i = open + 1; i < line.length(); i++) {
            if (line.charAt(i) == '\\' && quote == '`') {
                i++;
            } else if (line.charAt(i) == quote) {
                return i;
            }
        }
        throw new ShellSyntaxException("unexpected EOF while looking for matching `" + quote + "'");
    }

    private static int closingDoubleQuote(String line, int open) throws ShellSyntaxException {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`') {
                i = closing(line, i, '`');
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                i = closingParenthesis(line, i + 2);
            } else if (c == '"') {
                return i;
            }
        }
        throw new ShellSyntaxException("unexpected EOF while looking for matching `\"'");
    }
}
