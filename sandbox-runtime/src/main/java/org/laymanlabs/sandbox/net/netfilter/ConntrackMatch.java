package org.laymanlabs.sandbox.net.netfilter;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The conntrack match's {@code --ctstate}, and the older state match's {@code --state}, which
 * iptables 1.8 implements as an alias of it (libxt_conntrack.c, XT_CONNTRACK_STATE_ALIAS).
 *
 * @param alias "conntrack" or "state": the name the rule was written with, and is saved with
 */
public record ConntrackMatch(String alias, Set<CtState> states, boolean inverted) implements Match {

    public ConntrackMatch {
        states = EnumSet.copyOf(states);
    }

    @Override
    public String name() {
        return alias;
    }

    @Override
    public boolean matches(MatchContext context) {
        return states.contains(context.packet().ctState()) != inverted;
    }

    @Override
    public String save() {
        return (inverted ? " !" : "") + " --" + keyword() + " " + list();
    }

    @Override
    public String print(boolean numeric) {
        return (inverted ? " !" : "") + " " + keyword() + " " + list();
    }

    private String keyword() {
        return alias.equals("state") ? "state" : "ctstate";
    }

    private String list() {
        return states.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
