package org.laymanlabs.sandbox.net.netfilter;

/** The comment match (libxt_comment.c): always matches, and carries up to 255 characters. */
public record CommentMatch(String text) implements Match {

    public static final int MAX_LENGTH = 255;

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public boolean matches(MatchContext context) {
        return true;
    }

    /**
     * Quoted always, as the kernel-normalised output shows (FIDELITY.md §1), with the escapes of
     * xtables_save_string(): a backslash before {@code "}, {@code \} and {@code '}.
     */
    @Override
    public String save() {
        return " --comment " + quoted(text);
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '\'') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    @Override
    public String print(boolean numeric) {
        return " /* " + text + " */";
    }
}
