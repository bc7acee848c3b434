package org.laymanlabs.sandbox.image.build;

import java.util.List;
import java.util.function.Function;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * The POSIX sh builtins a RUN line uses ({@code echo}, {@code cd}, {@code export}, {@code set},
 * {@code true}, {@code false}, {@code exit}, {@code pwd}, {@code :}), for the shell in a build
 * container: the sandbox shell's own builtins are bash's and not reachable from here.
 */
final class ShellBuiltins {

    private ShellBuiltins() {
    }

    private record Builtin(String name, Function<Invocation, CommandResult> body) implements Command {

        @Override
        public String usage() {
            return name;
        }

        @Override
        public String summary() {
            return "sh builtin " + name;
        }

        @Override
        public CommandResult run(Invocation invocation) {
            return body.apply(invocation);
        }
    }

    static List<Command> all() {
        return List.of(
                new Builtin("echo", ShellBuiltins::echo),
                new Builtin("true", i -> CommandResult.ok("")),
                new Builtin(":", i -> CommandResult.ok("")),
                new Builtin("false", i -> CommandResult.error("", 1)),
                new Builtin("set", i -> CommandResult.ok("")),
                new Builtin("pwd", i -> CommandResult.ok(i.shell().cwd() + "\n")),
                new Builtin("exit", ShellBuiltins::exit),
                new Builtin("export", ShellBuiltins::export),
                new Builtin("cd", ShellBuiltins::cd));
    }

    private static CommandResult echo(Invocation invocation) {
        List<String> args = invocation.args();
        boolean newline = args.isEmpty() || !args.get(0).equals("-n");
        String text = String.join(" ", newline ? args : args.subList(1, args.size())).replace("\\n", "\n");
        return CommandResult.ok(newline ? text + "\n" : text);
    }

    private static CommandResult exit(Invocation invocation) {
        int status = invocation.args().isEmpty() ? invocation.shell().lastExitCode()
                : Integer.parseInt(invocation.args().get(0).replaceAll("[^0-9]", "0"));
        invocation.shell().exit(status);
        return CommandResult.error("", status);
    }

    private static CommandResult export(Invocation invocation) {
        for (String arg : invocation.args()) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                invocation.shell().setVariable(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return CommandResult.ok("");
    }

    private static CommandResult cd(Invocation invocation) {
        String target = invocation.shell().resolve(invocation.args().isEmpty() ? "~" : invocation.args().get(0));
        if (!invocation.shell().files().isDirectory(target)) {
            return CommandResult.error("cd: can't cd to " + invocation.args().get(0) + "\n", 2);
        }
        invocation.shell().changeDirectory(target);
        return CommandResult.ok("");
    }
}
