package org.laymanlabs.sandbox.shell;

import java.util.Collection;
import java.util.Optional;
import org.laymanlabs.sandbox.workspace.Workspace;

/** What a command may ask of the shell that runs it. */
public interface ShellContext {

    /** {@code $?}: the status of the previous command. */
    int lastExitCode();

    /** Ends the shell with this status, as bash's {@code exit} does. Ignored inside a pipe's subshell. */
    void exit(int status);

    /** Every command this shell knows, sorted by name. */
    Collection<Command> commands();

    Optional<Command> command(String name);

    /** The learner's files. */
    Workspace workspace();

    /** The working directory, an absolute workspace path. */
    String cwd();

    /** {@code cd}: the directory must exist in the workspace. */
    void changeDirectory(String absolutePath);

    /** A path the learner typed, made absolute against the working directory ({@code ~} is home). */
    default String resolve(String typed) {
        return Workspace.resolve(cwd(), typed);
    }

    Optional<String> variable(String name);

    /** Sets a shell variable, as {@code NAME=value} or {@code export NAME=value} do. */
    void setVariable(String name, String value);

    /**
     * Whether the command's stdout goes to the terminal rather than into a pipe or a file;
     * tools such as ls and curl print differently (isatty(1)).
     */
    boolean stdoutIsTerminal();
}
