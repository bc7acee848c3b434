package org.laymanlabs.sandbox.net.iptables;

import java.util.EnumSet;
import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.ConntrackMatch;
import org.laymanlabs.sandbox.net.netfilter.CtState;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;

/** {@code -m conntrack --ctstate} and {@code -m state --state} (libxt_conntrack.c, libxt_state alias). */
final class ConntrackMatchParser extends MatchParser {

    private final String alias;
    private Set<CtState> states;
    private boolean inverted;

    ConntrackMatchParser(String alias) {
        super(alias, Set.of(alias.equals("state") ? "state" : "ctstate"));
        this.alias = alias;
    }

    @Override
    void parse(String option, Arguments args, boolean invert) {
        states = EnumSet.noneOf(CtState.class);
        for (String word : args.value("--" + option).split(",", -1)) {
            try {
                states.add(CtState.valueOf(word));
            } catch (IllegalArgumentException e) {
                throw IptablesError.parameter("Bad ctstate \"" + word + "\"");
            }
        }
        inverted = invert;
    }

    @Override
    Match build(IpMatch ip) {
        if (states == null) {
            throw IptablesError.parameter(alias.equals("state")
                    ? "state: option \"--state\" must be specified\n"
                    : "conntrack: At least one option is required");
        }
        return new ConntrackMatch(alias, states, inverted);
    }
}
