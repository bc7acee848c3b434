package org.laymanlabs.sandbox.shell.coreutils;

import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/** coreutils {@code cat}: concatenate files (or stdin) to stdout. */
final class CatCommand implements Command {

    @Override
    public String name() {
        return "cat";
    }

    @Override
    public String usage() {
        return "cat [FILE]...";
    }

    @Override
    public String summary() {
        return "Print files, one after another.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        InputFiles files = InputFiles.read("cat", invocation.args(), invocation);
        StringBuilder out = new StringBuilder();
        files.inputs().forEach(input -> out.append(input.text()));
        return new CommandResult(out.toString(), files.errors(), files.failed() ? 1 : 0);
    }
}
