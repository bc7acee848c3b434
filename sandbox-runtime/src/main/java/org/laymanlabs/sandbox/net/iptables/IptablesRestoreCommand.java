package org.laymanlabs.sandbox.net.iptables;

import java.util.Objects;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * iptables-restore (iptables/xtables-restore.c), reading the rules from standard input in the
 * format iptables-save writes and kube-proxy generates. Each table is replaced atomically at its
 * COMMIT; on an error the table in progress is left untouched and the message names the line.
 */
public final class IptablesRestoreCommand implements Command {

    private static final String PROGRAM = "iptables-restore";

    private final IptablesCommand.Tables tables;

    public IptablesRestoreCommand(Netfilter netfilter) {
        Objects.requireNonNull(netfilter, "netfilter");
        this.tables = () -> netfilter;
    }

    /** @param tables the netfilter of the namespace the shell runs in, which {@code ip netns exec} may switch */
    public IptablesRestoreCommand(IptablesCommand.Tables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public String name() {
        return PROGRAM;
    }

    @Override
    public String usage() {
        return "iptables-restore [-c] [-n] [-t] [-T table] < rules";
    }

    @Override
    public String summary() {
        return "Replace the rules of this machine's network namespace with those read from standard input.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean noflush = false;
        boolean counters = false;
        boolean test = false;
        String table = null;
        String file = null;
        var args = invocation.args();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-n", "--noflush" -> noflush = true;
                case "-c", "--counters" -> counters = true;
                case "-t", "--test" -> test = true;
                case "-v", "--verbose", "-w", "--wait", "-W", "--wait-interval" -> {
                    // accepted and ignored, as iptables-nft-restore ignores the lock options
                }
                case "-T", "--table" -> {
                    if (i + 1 == args.size()) {
                        return CommandResult.error("Try `" + PROGRAM + " -h' for more information.\n", 1);
                    }
                    table = args.get(++i);
                }
                default -> {
                    if (args.get(i).startsWith("-")) {
                        return CommandResult.error("Try `" + PROGRAM + " -h' for more information.\n", 1);
                    }
                    if (file != null) {
                        return CommandResult.error("Unknown arguments found on commandline\n", 1);
                    }
                    file = args.get(i);
                }
            }
        }
        String input = invocation.stdin();
        if (file != null) {
            // xtables-restore: the rules come from the file named on the command line instead of stdin.
            try {
                input = invocation.shell().files().read(invocation.shell().resolve(file));
            } catch (FileSystemException e) {
                return CommandResult.error("Can't open " + file + ": " + e.reason().text() + "\n", 1);
            }
        }
        RestoreRun run = new RestoreRun(tables.get(), new RestoreRun.Options(noflush, counters, test, table));
        try {
            run.run(input);
            return CommandResult.ok("");
        } catch (IptablesError error) {
            return CommandResult.error(error.render(PROGRAM, run.line()), error.exitCode());
        }
    }
}
