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

    private Usage() {
    }

    static String root(CommandTree tree) {
        StringBuilder out = new StringBuilder("\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n");
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
        StringBuilder out = new StringBuilder("\nUsage:  docker " + group.name() + " COMMAND\n\n" + group.shortHelp() + "\n");
        section(out, "Commands:", group.commands().stream().map(c -> row(c.name(), c.shortHelp())).toList());
        return out.append("\nRun 'docker ").append(group.name()).append(" COMMAND --help' for more information on a command.\n")
                .toString();
    }

    static String command(Subcommand command, String useLine) {
        StringBuilder out = new StringBuilder("\nUsage:  " + useLine + "\n\n" + command.shortHelp() + "\n");
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

    /** pflag's FlagUsages: the usage column starts two past the longest "-x, --name type" part. */
    static String flags(List<Flag> flags) {
        List<Flag> sorted = new ArrayList<>(flags);
        sorted.sort(Comparator.comparing(Flag::name));
        int longest = sorted.stream().mapToInt(f -> left(f).length() + 1).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Flag flag : sorted) {
            String left = left(flag);
            String indent = " ".repeat(longest + 2);
            String usage = (flag.usage() + defaultNote(flag)).replace("\n", "\n" + indent);
            out.append(left).append(' ').append(" ".repeat(longest - left.length())).append(' ')
                    .append(wrap(usage, longest + 2)).append('\n');
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

    /** Breaks lines longer than the terminal at spaces, continuing at the usage column. */
    private static String wrap(String text, int column) {
        StringBuilder out = new StringBuilder();
        int lineStart = -column;
        for (String word : text.split(" ", -1)) {
            int lastBreak = out.lastIndexOf("\n");
            int lineLength = out.length() - (lastBreak >= 0 ? lastBreak + 1 : lineStart);
            if (out.length() > 0 && lineLength + 1 + word.length() > WIDTH && !word.startsWith("\n")) {
                out.append('\n').append(" ".repeat(column));
            } else if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
