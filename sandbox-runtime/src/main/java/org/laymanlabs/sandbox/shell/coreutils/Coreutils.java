package org.laymanlabs.sandbox.shell.coreutils;

import java.util.List;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.time.VirtualClock;

/** The GNU coreutils (and grep) a learner reaches for, over the workspace, with their messages and exit codes. */
public final class Coreutils {

    private Coreutils() {
    }

    public static List<Command> all() {
        return List.of(new CatCommand(), new LsCommand(), new MkdirCommand(), new RmCommand(), new TouchCommand(),
                new GrepCommand(), new HeadTailCommand(true), new HeadTailCommand(false), new WcCommand(),
                new SortCommand());
    }

    /** {@code sleep}, which moves the sandbox's clock forward rather than waiting. */
    public static Command sleep(VirtualClock clock) {
        return new SleepCommand(clock);
    }
}
