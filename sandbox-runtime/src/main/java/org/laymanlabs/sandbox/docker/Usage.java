package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code --help} text of the docker command, its groups and its subcommands. Mirrors
 * docker/cli cli/cobra.go's usage template and pflag's flag listing (sorted flags, aligned usage
 * column, "(default …)" for non-zero defaults).
 */
final class Usage {

    private static final int NAME_PADDING = 11;
    private static final int WIDTH = 79;
    /** cobra's Long, which a command's own --help shows instead of its Short, for the few commands that have one. */
    private static final java.util.Map<String, String> LONG_HELP = java.util.Map.of(
            "docker volume rm", "Remove one or more volumes. You cannot remove a volume that is in use by a container.");

    private Usage() {
    }

    static String root(CommandTree tree) {
        StringBuilder out = new StringBuilder("Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n");
        List<Subcommand> common = tree.topCommands().stream().filter(c -> c.topCategory() > 0)
                .sorted(Comparator.comparingInt(Subcommand::topCategory)).toList();
        section(out, "Common Commands:", common.stream().map(c -> row(c.name(), c.shortHelp())).toList());
        section(out, "Management Commands:", tree.groups().stream().map(g -> row(g.name(), g.shortHelp())).toList());
        section(out, "Commands:", tree.topCommands().stream().filter(c -> c.topCategory() == 0)
                .map(c -> row(c.name(), c.shortHelp())).toList());
        out.append("\nGlobal Options:\n").append(flags(List.of(Flag.bool("version", 'v', "Print version information and quit"))));
        return out.append("\nRun 'docker COMMAND --help' for more information on a command.\n\n")
                .append("For more help on how to use Docker, head to https://docs.docker.com/go/guides/\n").toString();
    }

    static String group(CommandTree.Group group) {
        StringBuilder out = new StringBuilder("Usage:  docker " + group.name() + " COMMAND\n\n" + group.shortHelp() + "\n");
        section(out, "Commands:", group.commands().stream().map(c -> row(c.name(), c.shortHelp())).toList());
        return out.append("\nRun 'docker ").append(group.name()).append(" COMMAND --help' for more information on a command.\n")
                .toString();
    }

    static String command(Subcommand command, String useLine) {
        String path = useLine.substring(0, useLine.length() - command.use().length()) + command.name();
        String description = LONG_HELP.getOrDefault(path, command.shortHelp());
        StringBuilder out = new StringBuilder("Usage:  " + useLine + "\n\n" + description + "\n");
        if (command.aliasesHelp() != null && !command.aliasesHelp().isEmpty()) {
            out.append("\nAliases:\n  ").append(command.aliasesHelp()).append('\n');
        }
        if (!command.flags().isEmpty()) {
            out.append("\nOptions:\n").append(flags(command.flags()));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> rows) {
        if (!rows.isEmpty()) {
            out.append('\n').append(title).append('\n');
            rows.forEach(r -> out.append(r).append('\n'));
        }
    }

    private static String row(String name, String help) {
        return "  " + name + " ".repeat(Math.max(1, NAME_PADDING - name.length() + 1)) + help;
    }

    /**
     * pflag's FlagUsagesWrapped(79), as docker/cli calls it for an 80-column terminal: the usage
     * column starts two past the longest "-x, --name type" part, and the usage is wrapped there.
     */
    static String flags(List<Flag> flags) {
        List<Flag> sorted = new ArrayList<>(flags);
        sorted.sort(Comparator.comparing(Flag::name));
        int longest = sorted.stream().mapToInt(f -> left(f).length() + 1).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Flag flag : sorted) {
            String left = left(flag);
            out.append(left).append(' ').append(" ".repeat(longest - left.length())).append(' ')
                    .append(wrap(longest + 2, WIDTH, flag.usage() + defaultNote(flag))).append('\n');
        }
        return out.toString();
    }

    private static String left(Flag flag) {
        String names = flag.shorthand() != 0 ? "  -" + flag.shorthand() + ", --" + flag.name() : "      --" + flag.name();
        return flag.isBool() ? names : names + " " + flag.valueName();
    }

    private static String defaultNote(Flag flag) {
        if (flag.isBool()) {
            return flag.defaultValue().equals("true") ? " (default true)" : "";
        }
        return flag.defaultValue().isEmpty() ? "" : " (default \"" + flag.defaultValue() + "\")";
    }

    /** pflag's wrap: lines of at most {@code width - indent} columns, allowing five more to avoid an orphan word. */
    private static String wrap(int indent, int width, String text) {
        int room = width - indent;
        StringBuilder out = new StringBuilder();
        if (room < 24) {
            indent = 16;
            room = width - indent;
            out.append('\n').append(" ".repeat(indent));
        }
        String pad = "\n" + " ".repeat(indent);
        if (room < 24) {
            return out + text.replace("\n", pad);
        }
        int slop = 5;
        room -= slop;
        String rest = text;
        boolean first = true;
        while (first || !rest.isEmpty()) {
            String[] cut = wrapN(room, slop, rest);
            out.append(first ? "" : pad).append(cut[0].replace("\n", pad));
            rest = cut[1];
            first = false;
        }
        return out.toString();
    }

    /** pflag's wrapN: the text up to the last blank before column {@code at}, or to a newline before it. */
    private static String[] wrapN(int at, int slop, String text) {
        if (at + slop > text.length()) {
            return new String[] {text, ""};
        }
        String head = text.substring(0, at);
        int blank = Math.max(Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t')), head.lastIndexOf('\n'));
        if (blank <= 0) {
            return new String[] {text, ""};
        }
        int newline = head.lastIndexOf('\n');
        if (newline > 0 && newline < blank) {
            return new String[] {text.substring(0, newline), text.substring(newline + 1)};
        }
        return new String[] {text.substring(0, blank), text.substring(blank + 1)};
    }
}
