package org.laymanlabs.sandbox.shell;

import java.util.Collection;
import java.util.Optional;

/** What a command may ask of the shell that runs it. */
public interface ShellContext {

    /** {@code $?}: the status of the previous command. */
    int lastExitCode();

    /** Ends the shell with this status, as bash's {@code exit} does. Ignored inside a pipe's subshell. */
    void exit(int status);

    /** Every command this shell knows, sorted by name. */
    Collection<Command> commands();

    Optional<Command> command(String name);
}
