package org.laymanlabs.sandbox.shell;

import java.util.Collection;
import java.util.Optional;
import org.laymanlabs.sandbox.vfs.FileSystem;

/** What a command may ask of the shell that runs it. */
public interface ShellContext {

    /** {@code $?}: the status of the previous command. */
    int lastExitCode();

    /** Ends the shell with this status, as bash's {@code exit} does. Ignored inside a pipe's subshell. */
    void exit(int status);

    /** Every command this shell knows, sorted by name. */
    Collection<Command> commands();

    Optional<Command> command(String name);

    /** The files the command sees: the learner's workspace, or a container's root. */
    FileSystem files();

    /** The working directory, an absolute path in {@link #files()}. */
    String cwd();

    /** {@code cd}: the directory must exist. */
    void changeDirectory(String absolutePath);

    /** A path the learner typed, made absolute against the working directory ({@code ~} is home). */
    default String resolve(String typed) {
        return FileSystem.resolve(cwd(), files().home(), typed);
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
