package org.laymanlabs.sandbox.container.program;

import java.util.List;

/**
 * sh, ash, dash and bash as a container's command: {@code sh -c SCRIPT} runs the script, {@code sh
 * FILE} a script file; with no arguments and no terminal attached, a shell reads an empty stdin
 * and exits 0 at once, which is why {@code docker run busybox} stops immediately. With stdin kept
 * open ({@code -i}) or a TTY ({@code -t}) it waits for input instead, so {@code docker run -dit
 * alpine} keeps running; {@code docker run -it} gives it the learner's lines (see
 * ContainerEngine#attachShell).
 */
final class ShellProgram implements Program {

    @Override
    public Process start(ProcessContext context) {
        List<String> args = context.argv().subList(1, context.argv().size());
        if (args.size() >= 2 && args.get(0).equals("-c")) {
            new ScriptRunner(context, context.argv().get(0)).runToEnd(args.get(1));
        } else if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            String file = context.files().exists(args.get(0)) ? context.files().read(args.get(0)) : null;
            if (file == null) {
                context.stderr(context.argv().get(0) + ": 0: cannot open " + args.get(0) + ": No such file");
                context.exit(2);
            } else {
                new ScriptRunner(context, args.get(0)).runToEnd(file);
            }
        } else if (!context.stdinOpen()) {
            context.exit(0);
        }
        // With stdin kept open (docker run -dit alpine) the shell waits for a line that may never come: it runs on.
        return Process.IGNORES_SIGNALS;
    }
}
