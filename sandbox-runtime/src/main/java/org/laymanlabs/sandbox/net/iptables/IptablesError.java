package org.laymanlabs.sandbox.net.iptables;

import org.laymanlabs.sandbox.net.netfilter.Errno;

/**
 * A failure of an iptables tool, with its real wording and exit status (enum xtables_exittype:
 * OTHER_PROBLEM 1, PARAMETER_PROBLEM 2, VERSION_PROBLEM 3, RESOURCE_PROBLEM 4). The text is
 * rendered only once the program name and, for iptables-restore, the input line are known.
 */
final class IptablesError extends RuntimeException {

    static final String VERSION = "1.8.9 (nf_tables)";

    enum Kind {
        /** xtables_error(PARAMETER_PROBLEM, …): prefixed, followed by the "Try" hint. */
        PARAMETER(2),
        /** "Bad argument `x'": printed by do_parse() itself, no prefix, then the hint. */
        BAD_ARGUMENT(2),
        /** xtables_error(VERSION_PROBLEM, …): an unknown table. */
        VERSION(3),
        /** A message the tool prints itself with fprintf: "program: text". */
        PLAIN(1),
        /** xtables_error(OTHER_PROBLEM, …): prefixed, no hint. */
        OTHER(1),
        /** A refusal reported as {@code iptables: <nft_strerror>.} by xtables-standalone.c. */
        KERNEL(1),
        /** A refusal reported from the netlink batch by nft_action(), RESOURCE_PROBLEM. */
        BATCH(4);

        final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;
    private final String text;
    private final Errno errno;

    private IptablesError(Kind kind, String text, Errno errno) {
        super(text);
        this.kind = kind;
        this.text = text;
        this.errno = errno;
    }

    static IptablesError parameter(String text) {
        return new IptablesError(Kind.PARAMETER, text, null);
    }

    /**
     * A jump to a chain that does not exist. iptables-nft resolves jumps when the batch is built,
     * so iptables-restore reports it at the COMMIT line, not at the rule's.
     */
    static MissingChain missingChain(String chain) {
        return new MissingChain(chain);
    }

    /** See {@link #missingChain}. */
    static final class MissingChain extends RuntimeException {

        private final String chain;

        private MissingChain(String chain) {
            super("Chain '" + chain + "' does not exist");
            this.chain = chain;
        }

        String chain() {
            return chain;
        }

        IptablesError asError() {
            return parameter(getMessage());
        }
    }

    static IptablesError badArgument(String argument) {
        return new IptablesError(Kind.BAD_ARGUMENT, "Bad argument `" + argument + "'", null);
    }

    static IptablesError plain(String text) {
        return new IptablesError(Kind.PLAIN, text, null);
    }

    static IptablesError other(String text) {
        return new IptablesError(Kind.OTHER, text, null);
    }

    /** iptables-restore's plain "line N failed", for a line it could not use at all. */
    static IptablesError lineFailed() {
        return new IptablesError(Kind.KERNEL, "", null);
    }

    static IptablesError version(String text) {
        return new IptablesError(Kind.VERSION, text, null);
    }

    /** {@code message} is nft_strerror()'s text for the failing call and errno. */
    static IptablesError kernel(String message, Errno errno) {
        return new IptablesError(Kind.KERNEL, message, errno);
    }

    /** mnl_append_error(): {@code RULE_APPEND failed (strerror): rule in chain X}. */
    static IptablesError batch(String operation, Errno errno, String object) {
        return new IptablesError(Kind.BATCH, operation + " failed (" + errno.strerror() + "): " + object, errno);
    }

    Kind kind() {
        return kind;
    }

    int exitCode() {
        return kind.exitCode;
    }

    /** What the tool writes to stderr; {@code line} is the iptables-restore input line, or 0. */
    String render(String program, int line) {
        String prefix = program + " v" + VERSION + ": ";
        return switch (kind) {
            case PARAMETER -> prefix + text + "\n" + tryHelp(program, line);
            case BAD_ARGUMENT -> text + "\n" + tryHelp(program, line);
            case VERSION -> prefix + text + "\nPerhaps iptables or your kernel needs to be upgraded.\n";
            case OTHER -> prefix + text + "\n";
            case PLAIN -> program + ": " + text + "\n";
            case KERNEL -> kernelText(program, line);
            case BATCH -> line > 0 ? prefix + "\nline " + line + ": " + text + "\n" : prefix + " " + text + "\n";
        };
    }

    private String kernelText(String program, int line) {
        if (line == 0) {
            return program + ": " + text + ".\n";
        }
        return program + ": line " + line + " failed" + (text.isEmpty() ? "" : ": " + text + ".") + "\n";
    }

    private static String tryHelp(String program, int line) {
        String where = line > 0 ? "Error occurred at line: " + line + "\n" : "";
        return where + "Try `" + program + " -h' or '" + program + " --help' for more information.\n";
    }
}
