package org.laymanlabs.sandbox.shell;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;

/** bash's {@code echo}: arguments joined by spaces, {@code -n} without the newline, {@code -e} with escapes. */
final class EchoCommand implements Command {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String usage() {
        return "echo [-neE] [arg ...]";
    }

    @Override
    public String summary() {
        return "Print the arguments, separated by spaces.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args();
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            newline &= !args.get(i).contains("n");
            escapes = args.get(i).contains("e") || (escapes && !args.get(i).contains("E"));
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
        }
        return CommandResult.ok(newline ? text + "\n" : text);
    }
}
