package org.laymanlabs.sandbox.shell.coreutils;

import java.util.List;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.time.VirtualClock;

/** The GNU coreutils (and grep) a learner reaches for, over the workspace, with their messages and exit codes. */
public final class Coreutils {

    private Coreutils() {
    }

    public static List<Command> all() {
        return all(new LsCommand());
    }

    /** The same, with an {@code ls -l} that tells recent files (time of day) from old ones (year) by this clock. */
    public static List<Command> all(VirtualClock clock) {
        return all(ls(clock));
    }

    /** {@code ls}, whose long listing reads "now" from the sandbox's clock. */
    public static Command ls(VirtualClock clock) {
        return new LsCommand(clock::now);
    }

    private static List<Command> all(Command ls) {
        return List.of(new CatCommand(), ls, new MkdirCommand(), new RmCommand(), new TouchCommand(),
                new GrepCommand(), new HeadTailCommand(true), new HeadTailCommand(false), new WcCommand(),
                new SortCommand(), new ChmodCommand(), new CopyOrMove(false), new CopyOrMove(true));
    }

    /** {@code sleep}, which moves the sandbox's clock forward rather than waiting. */
    public static Command sleep(VirtualClock clock) {
        return new SleepCommand(clock);
    }
}
