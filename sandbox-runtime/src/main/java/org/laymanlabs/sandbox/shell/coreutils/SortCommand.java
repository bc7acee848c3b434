package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/** coreutils {@code sort} in the C locale, with -r, -n and -u. */
final class SortCommand implements Command {

    @Override
    public String name() {
        return "sort";
    }

    @Override
    public String usage() {
        return "sort [-rnu] [FILE]...";
    }

    @Override
    public String summary() {
        return "Sort lines.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        String flags = "";
        List<String> names = new ArrayList<>();
        for (String arg : invocation.args()) {
            if (arg.matches("-[rnu]+")) {
                flags += arg.substring(1);
            } else {
                names.add(arg);
            }
        }
        InputFiles files = InputFiles.read("sort", names, invocation);
        List<String> lines = new ArrayList<>();
        files.inputs().forEach(input -> lines.addAll(InputFiles.lines(input.text())));
        Comparator<String> order = flags.contains("n")
                ? Comparator.comparingDouble(SortCommand::leadingNumber).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        lines.sort(flags.contains("r") ? order.reversed() : order);
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String line : lines) {
            if (!flags.contains("u") || !line.equals(previous)) {
                out.append(line).append('\n');
            }
            previous = line;
        }
        return new CommandResult(out.toString(), files.errors(), files.failed() ? 2 : 0);
    }

    private static double leadingNumber(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*-?[0-9]+(\\.[0-9]+)?").matcher(line);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }
}
