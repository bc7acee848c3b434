package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;
import org.laymanlabs.sandbox.net.netfilter.RecentMatch;
import org.laymanlabs.sandbox.net.netfilter.RecentMatch.Command;

/** Options of the recent match, revision 1 (libxt_recent.c). */
final class RecentMatchParser extends MatchParser {

    private Command command;
    private boolean inverted;
    private int seconds;
    private boolean reap;
    private int hitCount;
    private String listName = RecentMatch.DEFAULT_NAME;
    private Ipv4Address mask = RecentMatch.FULL_MASK;
    private boolean destinationSide;

    RecentMatchParser() {
        super("recent", Set.of("set", "rcheck", "update", "remove", "seconds", "reap", "hitcount",
                "name", "rsource", "rdest", "mask"));
    }

    @Override
    void parse(String option, Arguments args, boolean invert) {
        switch (option) {
            case "set", "rcheck", "update", "remove" -> command(Command.valueOf(option.toUpperCase(java.util.Locale.ROOT)), invert);
            case "seconds" -> seconds = positive(option, args.value("--seconds"));
            case "hitcount" -> hitCount = (int) unsigned32(option, args.value("--hitcount"));
            case "reap" -> reap = true;
            case "name" -> listName = args.value("--name");
            case "rsource" -> destinationSide = false;
            case "rdest" -> destinationSide = true;
            default -> mask = address(args.value("--mask"));
        }
        if (!option.equals("set") && !option.equals("rcheck") && !option.equals("update") && !option.equals("remove")) {
            refuseInversion(option, invert);
        }
    }

    private void command(Command next, boolean invert) {
        if (command != null) {
            throw IptablesError.parameter("recent: \"--" + next.name().toLowerCase(java.util.Locale.ROOT)
                    + "\" cannot be used together with \"" + command.option() + "\".\n");
        }
        command = next;
        inverted = invert;
    }

    private int positive(String option, String value) {
        long parsed = unsigned32(option, value);
        if (parsed < 1) {
            throw badValue(option, value);
        }
        return (int) parsed;
    }

    private static Ipv4Address address(String text) {
        if (!Ipv4Address.isValid(text)) {
            throw IptablesError.parameter("host/network `" + text + "' not found");
        }
        return Ipv4Address.parse(text);
    }

    @Override
    Match build(IpMatch ip) {
        if (command == null) {
            throw IptablesError.parameter("recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
        }
        if (reap && seconds == 0) {
            throw IptablesError.parameter("recent: --reap requires --seconds");
        }
        return new RecentMatch(command, inverted, seconds, reap, hitCount, listName, mask, destinationSide);
    }
}
