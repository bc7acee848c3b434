package org.laymanlabs.sandbox.net.iptables;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.netfilter.Chain;
import org.laymanlabs.sandbox.net.netfilter.Errno;
import org.laymanlabs.sandbox.net.netfilter.InstalledRule;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.Table;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * The iptables command of one network namespace, as iptables-nft 1.8.9 behaves
 * (iptables/xtables-standalone.c, xtables.c do_commandx): every change is made on a copy of
 * the table and swapped in whole, so a refused command changes nothing.
 */
public final class IptablesCommand implements Command {

    private static final String PROGRAM = "iptables";

    private final Tables tables;

    /**
     * The netfilter of the namespace the shell runs in, asked at each run; serializable, as a
     * sandbox's checkpoint keeps it.
     */
    @FunctionalInterface
    public interface Tables extends Supplier<Netfilter>, java.io.Serializable {
    }

    public IptablesCommand(Netfilter netfilter) {
        Objects.requireNonNull(netfilter, "netfilter");
        this.tables = () -> netfilter;
    }

    /** @param tables the netfilter of the namespace the shell runs in, which {@code ip netns exec} may switch */
    public IptablesCommand(Tables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public String name() {
        return PROGRAM;
    }

    @Override
    public String usage() {
        return "iptables [-t table] {-A|-C|-D|-I|-R|-L|-S|-F|-Z|-N|-X|-P|-E} [chain] [rule-specification] [options]";
    }

    @Override
    public String summary() {
        return "Show or change the packet filter and NAT rules of this machine's network namespace.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        try {
            ParsedCommand command = CommandParser.parse(invocation.args(),
                    (table, chain) -> tables.get().table(table).chain(chain).isPresent());
            return CommandResult.ok(execute(command));
        } catch (IptablesError error) {
            return CommandResult.error(error.render(PROGRAM, 0), error.exitCode());
        } catch (IptablesError.MissingChain missing) {
            IptablesError error = missing.asError();
            return CommandResult.error(error.render(PROGRAM, 0), error.exitCode());
        }
    }

    private String execute(ParsedCommand command) {
        Table live = tables.get().table(command.table());
        return switch (command.operation()) {
            case HELP -> usage() + "\n";
            case VERSION -> PROGRAM + " v" + IptablesError.VERSION + "\n";
            case LIST -> list(live, command);
            case LIST_RULES -> listRules(live, command);
            case CHECK -> check(live, command);
            default -> {
                Table work = live.copy();
                RulesetChange.apply(work, command);
                if (!tables.get().fits(work)) {
                    throw IptablesError.batch("RULE_APPEND", Errno.ENOMEM, "rule in chain " + command.chain());
                }
                tables.get().commit(work);
                yield "";
            }
        };
    }

    private String list(Table table, ParsedCommand command) {
        Listing listing = new Listing(command.format());
        if (command.ruleNumber() > 0) {
            List<InstalledRule> rules = chain(table, command.chain()).rules();
            int number = command.ruleNumber();
            return number <= rules.size() ? listing.rule(number, rules.get(number - 1)) : "";
        }
        List<Chain> chains = command.chain() == null ? table.chains() : List.of(listedChain(table, command));
        return listing.chains(table, chains);
    }

    private String listRules(Table table, ParsedCommand command) {
        boolean counters = command.format().verbose();
        List<Chain> chains = command.chain() == null ? table.chains() : List.of(listedChain(table, command));
        StringBuilder out = new StringBuilder();
        if (command.ruleNumber() > 0) {
            List<InstalledRule> rules = chains.get(0).rules();
            int number = command.ruleNumber();
            return number <= rules.size() ? SaveFormat.ruleLine(command.chain(), rules.get(number - 1), counters) : "";
        }
        chains.forEach(chain -> out.append(SaveFormat.chainLine(chain, counters)));
        for (Chain chain : chains) {
            chain.rules().forEach(rule -> out.append(SaveFormat.ruleLine(chain.name(), rule, counters)));
        }
        return out.toString();
    }

    /**
     * A chain to list. iptables-nft 1.8.9 answers a missing one with its "incompatible" message
     * (nft_chain_list_find failing in list_rules), odd as it reads; learners on Debian 12 see it.
     */
    private static Chain listedChain(Table table, ParsedCommand command) {
        return table.chain(command.chain()).orElseThrow(() -> IptablesError.other("chain `" + command.chain()
                + "' in table `" + command.table().keyword() + "' is incompatible, use 'nft' tool."));
    }

    /** -C: exit 0 silently when an equal rule exists, else nft_rule_check's ENOENT message. */
    private String check(Table table, ParsedCommand command) {
        boolean found = table.chain(command.chain()).stream()
                .flatMap(chain -> chain.rules().stream())
                .anyMatch(rule -> rule.rule().equals(command.rule()));
        if (!found) {
            throw IptablesError.kernel("Bad rule (does a matching rule exist in that chain?)", Errno.ENOENT);
        }
        return "";
    }

    private static Chain chain(Table table, String name) {
        return table.chain(name)
                .orElseThrow(() -> IptablesError.kernel("No chain/target/match by that name", Errno.ENOENT));
    }
}
