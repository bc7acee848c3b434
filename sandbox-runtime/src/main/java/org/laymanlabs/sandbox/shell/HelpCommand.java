package org.laymanlabs.sandbox.shell;

import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;

/** Lists what the sandbox shell can run, or describes one command, in the spirit of bash's {@code help}. */
final class HelpCommand implements Command {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [command ...]";
    }

    @Override
    public String summary() {
        return "List the commands of this sandbox, or show how to use the ones named.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        if (invocation.args().isEmpty()) {
            return CommandResult.ok(overview(invocation.shell()));
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String name : invocation.args()) {
            Optional<Command> command = invocation.shell().command(name);
            if (command.isPresent()) {
                out.append(command.get().usage()).append('\n')
                        .append("    ").append(command.get().summary()).append('\n');
            } else {
                err.append("bash: help: no help topics match `").append(name)
                        .append("'.  Try `help' to list the commands.\n");
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.isEmpty() ? 0 : 1);
    }

    private static String overview(ShellContext shell) {
        int width = shell.commands().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder("Layman Labs sandbox shell. These commands are available:\n\n");
        for (Command command : shell.commands()) {
            out.append("  ").append(padRight(command.name(), width)).append("  ")
                    .append(command.summary()).append('\n');
        }
        out.append("\nType `help NAME' to learn more about the command NAME.\n");
        return out.toString();
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
