package org.laymanlabs.sandbox.net.netfilter;

/**
 * The LOG target (libipt_LOG.c). In the sandbox it writes no kernel log; the packet trace shows
 * that it fired, with its prefix, and traversal continues as in the kernel.
 */
public record LogTarget(String prefix, int level) implements Target {

    public static final int DEFAULT_LEVEL = 4;
    private static final String[] LEVEL_NAMES = {"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};

    @Override
    public String name() {
        return "LOG";
    }

    @Override
    public String save() {
        String out = prefix.isEmpty() ? "" : " --log-prefix " + CommentMatch.quoted(prefix);
        return level == DEFAULT_LEVEL ? out : out + " --log-level " + level;
    }

    @Override
    public String print(boolean numeric) {
        String out = numeric ? " LOG flags 0 level " + level : " LOG level " + LEVEL_NAMES[level];
        return prefix.isEmpty() ? out : out + " prefix \"" + prefix + "\"";
    }
}
