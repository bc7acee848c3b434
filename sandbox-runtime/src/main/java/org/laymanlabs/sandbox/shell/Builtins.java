package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.shell.coreutils.Coreutils;

/** What every sandbox shell knows before any program is installed: bash's builtins and the coreutils. */
final class Builtins {

    private Builtins() {
    }

    static List<Command> all() {
        List<Command> all = new ArrayList<>(List.of(new HelpCommand(), new ExitCommand(), new EchoCommand(),
                new CdCommand(), new PwdCommand(), new ExportCommand(), new TrueCommand(true), new TrueCommand(false),
                new TestCommand(false), new TestCommand(true), TrueCommand.colon()));
        all.addAll(Coreutils.all());
        return all;
    }
}
