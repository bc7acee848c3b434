package org.laymanlabs.sandbox.shell;

import java.util.List;

/**
 * One run of a command: its arguments after quote removal, what the previous stage of a pipe
 * wrote, and the shell it runs in.
 */
public record Invocation(List<String> args, String stdin, ShellContext shell) {

    public Invocation {
        args = List.copyOf(args);
    }
}
