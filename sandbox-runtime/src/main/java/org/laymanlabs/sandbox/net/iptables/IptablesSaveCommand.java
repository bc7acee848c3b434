package org.laymanlabs.sandbox.net.iptables;

import java.util.List;
import java.util.Objects;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.TableName;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * iptables-save (iptables/xtables-save.c): every table that exists, or the one named with -t,
 * in the kernel-normalised form; -c adds rule counters.
 */
public final class IptablesSaveCommand implements Command {

    private static final String PROGRAM = "iptables-save";

    private final IptablesCommand.Tables tables;

    public IptablesSaveCommand(Netfilter netfilter) {
        Objects.requireNonNull(netfilter, "netfilter");
        this.tables = () -> netfilter;
    }

    /** @param tables the netfilter of the namespace the shell runs in, which {@code ip netns exec} may switch */
    public IptablesSaveCommand(IptablesCommand.Tables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public String name() {
        return PROGRAM;
    }

    @Override
    public String usage() {
        return "iptables-save [-c] [-t table]";
    }

    @Override
    public String summary() {
        return "Print the rules of this machine's network namespace in iptables-restore format.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean counters = false;
        String table = null;
        List<String> args = invocation.args();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-c", "--counters" -> counters = true;
                case "-t", "--table" -> {
                    if (i + 1 == args.size()) {
                        return CommandResult.error(PROGRAM + ": option requires an argument -- 't'\n"
                                + "Look at manual page `" + PROGRAM + ".8' for more information.\n", 1);
                    }
                    table = args.get(++i);
                }
                default -> {
                    return CommandResult.error("Unknown arguments found on commandline\n", 1);
                }
            }
        }
        return save(table, counters);
    }

    private CommandResult save(String tableWord, boolean counters) {
        Netfilter netfilter = tables.get();
        List<TableName> names;
        if (tableWord == null) {
            names = netfilter.presentTables();
        } else {
            TableName name = TableName.fromKeyword(tableWord).orElse(null);
            if (name == null) {
                return CommandResult.error(PROGRAM + " v" + IptablesError.VERSION + ": Table `" + tableWord
                        + "' does not exist\n", 1);
            }
            names = List.of(name);
        }
        StringBuilder out = new StringBuilder();
        for (TableName name : names) {
            out.append(SaveFormat.table(netfilter.table(name), counters, netfilter.clock().now()));
        }
        return CommandResult.ok(out.toString());
    }
}
