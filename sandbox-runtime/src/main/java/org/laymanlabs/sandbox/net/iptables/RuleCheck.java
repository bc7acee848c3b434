package org.laymanlabs.sandbox.net.iptables;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.TableName;

/**
 * An {@code iptables -t T -C CHAIN rule…} line read once and answered against the live table as
 * many times as asked, for a program that checks the same rules over and over (kube-proxy's
 * EnsureChain/EnsureRule before each full sync). It answers what {@code -C} would: whether the
 * chain holds an equal rule. It reads only; an answer of "no" is for the caller to act on with the
 * real commands, so that every change still goes through iptables.
 */
public final class RuleCheck {

    private final ParsedCommand command;

    private RuleCheck(ParsedCommand command) {
        this.command = command;
    }

    /**
     * The check {@code args} describe, read as iptables reads it on {@code tables} now (whether a
     * -j word names a chain depends on the chains there); empty if iptables would refuse the line.
     */
    public static Optional<RuleCheck> parse(List<String> args, Netfilter tables) {
        try {
            ParsedCommand command = CommandParser.parse(args, (table, chain) -> tables.table(table).chain(chain).isPresent());
            return command.operation() == Operation.CHECK ? Optional.of(new RuleCheck(command)) : Optional.empty();
        } catch (IptablesError | IptablesError.MissingChain refused) {
            return Optional.empty();
        }
    }

    public TableName table() {
        return command.table();
    }

    /** Whether {@code iptables -C} would exit 0 on {@code tables} now. */
    public boolean holds(Netfilter tables) {
        return tables.table(command.table()).chain(command.chain()).stream()
                .flatMap(chain -> chain.rules().stream())
                .anyMatch(rule -> rule.rule().equals(command.rule()));
    }
}
