package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * One runnable docker command, as a cobra command leaf defines it in docker/cli: its Use line,
 * one-line help, flags, argument rule and action. New commands (containers, networks…) are new
 * Subcommands registered in a {@link CommandTree}; the dispatcher needs no change.
 *
 * @param use         cobra's Use, e.g. {@code images [OPTIONS] [REPOSITORY[:TAG]]}; its first word is the name
 * @param aliases     other names under the same parent, e.g. {@code list} for {@code image ls}
 * @param aliasesHelp the "Aliases:" line of {@code --help}, e.g. {@code docker image ls, docker image list, docker images}
 * @param topCategory its place among "Common Commands" in {@code docker --help}, or 0
 */
public record Subcommand(String use, String shortHelp, List<String> aliases, String aliasesHelp, List<Flag> flags,
                         ArgsRule args, int topCategory, Action action) {

    /**
     * What the command does once its flags and arguments are valid. Serializable, as the docker
     * command, with its tree of subcommands, is part of a sandbox's checkpoint.
     */
    @FunctionalInterface
    public interface Action extends java.io.Serializable {
        CommandResult run(ParsedArgs args);

        /** For commands that read the shell they run in (its working directory and files), as {@code docker build .} does. */
        default CommandResult run(ParsedArgs args, Invocation invocation) {
            return run(args);
        }

        /** Starts it, its output going to {@code out} as written; only a command that follows something goes on after returning. */
        default Execution start(ParsedArgs args, Invocation invocation, OutputSink out) {
            CommandResult result = run(args, invocation);
            result.writeTo(out);
            return Execution.finished(result.exitCode());
        }
    }

    /** What a command that may follow something does ({@code docker logs -f}, an attached {@code docker run}). */
    @FunctionalInterface
    public interface Streaming extends java.io.Serializable {
        Execution start(ParsedArgs args, Invocation invocation, OutputSink out);
    }

    /** The action of a command that may follow something; the shell only ever starts it. */
    public static Action streaming(Streaming streaming) {
        return new Action() {
            @Override
            public CommandResult run(ParsedArgs args) {
                throw new UnsupportedOperationException("a streaming docker command is started with its shell");
            }

            @Override
            public Execution start(ParsedArgs args, Invocation invocation, OutputSink out) {
                return streaming.start(args, invocation, out);
            }
        };
    }

    public Subcommand {
        aliases = List.copyOf(aliases);
        flags = List.copyOf(flags);
    }

    public String name() {
        return use.split(" ", 2)[0];
    }

    /** The same command under another name and Use, as {@code docker image ls} is {@code docker images}. */
    public Subcommand as(String newUse, List<String> newAliases) {
        return new Subcommand(newUse, shortHelp, newAliases, aliasesHelp, flags, args, 0, action);
    }
}
