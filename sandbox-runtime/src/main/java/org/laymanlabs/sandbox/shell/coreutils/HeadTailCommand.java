package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/** coreutils {@code head} and {@code tail}: the first or last N lines (10 unless {@code -n N} or {@code -N}). */
final class HeadTailCommand implements Command {

    private final boolean head;

    HeadTailCommand(boolean head) {
        this.head = head;
    }

    @Override
    public String name() {
        return head ? "head" : "tail";
    }

    @Override
    public String usage() {
        return name() + " [-n N] [FILE]...";
    }

    @Override
    public String summary() {
        return head ? "Print the first lines of files." : "Print the last lines of files.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        int count = 10;
        List<String> names = new ArrayList<>();
        List<String> args = invocation.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String number = arg.equals("-n") && i + 1 < args.size() ? args.get(++i)
                    : arg.matches("-n?[0-9]+") ? arg.replaceAll("[^0-9]", "") : null;
            if (number != null) {
                if (!number.matches("[0-9]{1,9}")) {
                    return CommandResult.error(name() + ": invalid number of lines: '" + number + "'\n", 1);
                }
                count = Integer.parseInt(number);
            } else {
                names.add(arg);
            }
        }
        InputFiles files = InputFiles.read(name(), names, invocation);
        StringBuilder out = new StringBuilder();
        for (InputFiles.Input input : files.inputs()) {
            if (files.inputs().size() > 1) {
                out.append(out.isEmpty() ? "" : "\n").append("==> ").append(input.name()).append(" <==\n");
            }
            List<String> lines = InputFiles.lines(input.text());
            List<String> part = head ? lines.subList(0, Math.min(count, lines.size()))
                    : lines.subList(Math.max(0, lines.size() - count), lines.size());
            part.forEach(line -> out.append(line).append('\n'));
        }
        return new CommandResult(out.toString(), files.errors(), files.failed() ? 1 : 0);
    }
}
