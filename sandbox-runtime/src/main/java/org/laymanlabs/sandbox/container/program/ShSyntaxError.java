package org.laymanlabs.sandbox.container.program;

/**
 * A syntax error in a container's shell script, worded by the shell that reports it: BusyBox ash
 * says {@code syntax error: unexpected "fi" (expecting "then")} (ash.c,
 * raise_error_unexpected_syntax), dash {@code 3: Syntax error: "fi" unexpected (expecting "then")}.
 */
final class ShSyntaxError extends Exception {

    private final String unexpected;
    private final String expecting;
    private final int line;
    private final String plain;

    /** @param unexpected the token found, as ash names it ({@code "fi"} quoted, {@code end of file} not) */
    ShSyntaxError(String unexpected, String expecting, int line) {
        this(unexpected, expecting, line, null);
    }

    ShSyntaxError(String unexpected, String expecting, int line, String plain) {
        super(plain != null ? plain : "unexpected " + unexpected);
        this.unexpected = unexpected;
        this.expecting = expecting;
        this.line = line;
        this.plain = plain;
    }

    /** The message after the script's name, without a newline. */
    String render(boolean busybox) {
        String expected = expecting == null ? "" : " (expecting " + expecting + ")";
        if (busybox) {
            return "syntax error: " + (plain != null ? plain : "unexpected " + unexpected + expected);
        }
        return line + ": Syntax error: " + (plain != null ? capitalised(plain) : unexpected + " unexpected" + expected);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
