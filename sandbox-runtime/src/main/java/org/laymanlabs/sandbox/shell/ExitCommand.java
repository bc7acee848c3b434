package org.laymanlabs.sandbox.shell;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;

/** Mirrors bash's {@code exit} builtin (builtins/exit.def), including its odd cases. */
final class ExitCommand implements Command {

    @Override
    public String name() {
        return "exit";
    }

    @Override
    public String usage() {
        return "exit [n]";
    }

    @Override
    public String summary() {
        return "Leave the shell with status n, or with the last command's status if n is omitted.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args();
        if (args.isEmpty()) {
            return leave(invocation, invocation.shell().lastExitCode(), "");
        }
        Long requested = parseStatus(args.get(0));
        if (requested == null) {
            // bash complains, then exits anyway with status 2.
            return leave(invocation, 2, "bash: exit: " + args.get(0) + ": numeric argument required\n");
        }
        if (args.size() > 1) {
            // bash refuses and stays: the learner can fix the line.
            return CommandResult.error("bash: exit: too many arguments\n", 1);
        }
        return leave(invocation, (int) (requested & 0xFF), "");
    }

    private static CommandResult leave(Invocation invocation, int status, String stderr) {
        invocation.shell().exit(status);
        return new CommandResult("", stderr, status);
    }

    private static Long parseStatus(String word) {
        if (!word.matches("[+-]?[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(word);
    }
}
