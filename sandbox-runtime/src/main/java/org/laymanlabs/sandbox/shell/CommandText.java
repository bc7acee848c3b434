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
