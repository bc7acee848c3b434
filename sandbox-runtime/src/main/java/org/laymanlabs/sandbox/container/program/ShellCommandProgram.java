package org.laymanlabs.sandbox.container.program;

/**
 * A short-lived tool run as a container's command ({@code docker run busybox ls /}): the same
 * implementation the container's shell offers, run once, its output logged.
 */
final class ShellCommandProgram implements Program {

    @Override
    public Process start(ProcessContext context) {
        StringBuilder line = new StringBuilder();
        for (String arg : context.argv()) {
            String name = line.isEmpty() ? arg.substring(arg.lastIndexOf('/') + 1) : arg;
            line.append(line.isEmpty() ? "" : " ").append(ScriptRunner.quote(name));
        }
        ScriptRunner.forTool(context).runToEnd(line.toString());
        return Process.IGNORES_SIGNALS;
    }
}
