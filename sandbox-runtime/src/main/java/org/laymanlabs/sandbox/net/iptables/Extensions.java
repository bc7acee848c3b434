package org.laymanlabs.sandbox.net.iptables;

import java.util.Optional;
import org.laymanlabs.sandbox.net.Protocol;

/** The extensions this iptables knows, by the name -m or -j loads them with (xtables_find_match/target). */
final class Extensions {

    private Extensions() {
    }

    static Optional<MatchParser> match(String name) {
        return Optional.ofNullable(switch (name) {
            case "tcp" -> new PortMatchParser(Protocol.TCP);
            case "udp" -> new PortMatchParser(Protocol.UDP);
            case "multiport" -> new MultiportMatchParser();
            case "comment" -> new CommentMatchParser();
            case "mark" -> new MarkMatchParser();
            case "addrtype" -> new AddrTypeMatchParser();
            case "conntrack", "state" -> new ConntrackMatchParser(name);
            case "recent" -> new RecentMatchParser();
            case "statistic" -> new StatisticMatchParser();
            default -> null;
        });
    }

    static Optional<TargetParser> target(String name) {
        return Optional.ofNullable(switch (name) {
            case "DNAT", "SNAT", "MASQUERADE" -> new NatTargetParser(name);
            case "MARK" -> new MarkTargetParser();
            case "REJECT", "LOG", "TRACE" -> new SimpleTargetParser(name);
            default -> null;
        });
    }

    /** Whether -N may use this name: a chain may not clash with a target. */
    static boolean isTarget(String name) {
        return target(name).isPresent() || name.equals("ACCEPT") || name.equals("DROP") || name.equals("RETURN");
    }
}
