package org.laymanlabs.sandbox.container.program;

import java.util.ArrayList;
import java.util.List;

/**
 * An executable text file with a {@code #!} line, such as {@code laymanlabs/crashloop}'s. The
 * official images' {@code docker-entrypoint.sh} wrappers end in {@code exec "$@"}; the sandbox's
 * small shell cannot run their configuration steps, so {@link EntrypointWrapper} does what they
 * do and then execs the command, as they would.
 */
final class Script implements Program {

    private final String path;
    private final String text;

    Script(String path, String text) {
        this.path = path;
        this.text = text;
    }

    @Override
    public Process start(ProcessContext context) {
        if (text.strip().endsWith("exec \"$@\"")) {
            List<String> args = new ArrayList<>(context.argv().subList(1, context.argv().size()));
            return EntrypointWrapper.run(path, args, context);
        }
        new ScriptRunner(context, path).runToEnd(text);
        return Process.IGNORES_SIGNALS;
    }
}
