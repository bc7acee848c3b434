package org.laymanlabs.sandbox.net.netfilter;

import java.time.Instant;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * The recent match, revision 1 (libxt_recent.c; kernel net/netfilter/xt_recent.c, recent_mt).
 * kube-proxy uses it for ClientIP session affinity: {@code --rcheck --seconds 10800 --reap} in
 * the service chain, {@code --set} in the endpoint chain.
 *
 * @param seconds  0 when the rule has no {@code --seconds}
 * @param hitCount 0 when the rule has no {@code --hitcount}
 */
public record RecentMatch(Command command, boolean inverted, int seconds, boolean reap, int hitCount,
                          String listName, Ipv4Address mask, boolean destinationSide) implements Match {

    /** The operation, exactly one of which a rule names. */
    public enum Command {
        SET("--set", "SET"), RCHECK("--rcheck", "CHECK"), UPDATE("--update", "UPDATE"), REMOVE("--remove", "REMOVE");

        private final String option;
        private final String label;

        Command(String option, String label) {
            this.option = option;
            this.label = label;
        }

        public String option() {
            return option;
        }
    }

    public static final String DEFAULT_NAME = "DEFAULT";
    public static final Ipv4Address FULL_MASK = Ipv4Address.parse("255.255.255.255");

    @Override
    public String name() {
        return "recent";
    }

    @Override
    public boolean matches(MatchContext context) {
        PacketHeader header = context.packet().header();
        Ipv4Address address = destinationSide ? header.destination() : header.source();
        Ipv4Address key = new Ipv4Address(address.bits() & mask.bits());
        return context.recent(listName).apply(this, key, context.now()) != inverted;
    }

    /** How far back {@code --seconds} looks, from {@code now}. */
    Instant windowStart(Instant now) {
        return now.minusSeconds(seconds);
    }

    @Override
    public String save() {
        StringBuilder out = new StringBuilder(inverted ? " !" : "").append(' ').append(command.option);
        if (seconds != 0) {
            out.append(" --seconds ").append(seconds);
        }
        if (reap) {
            out.append(" --reap");
        }
        if (hitCount != 0) {
            out.append(" --hitcount ").append(hitCount);
        }
        out.append(" --name ").append(listName).append(" --mask ").append(mask);
        return out.append(destinationSide ? " --rdest" : " --rsource").toString();
    }

    @Override
    public String print(boolean numeric) {
        StringBuilder out = new StringBuilder(inverted ? " !" : "").append(" recent: ").append(command.label);
        if (seconds != 0) {
            out.append(" seconds: ").append(seconds);
        }
        if (reap) {
            out.append(" reap");
        }
        if (hitCount != 0) {
            out.append(" hit_count: ").append(hitCount);
        }
        out.append(" name: ").append(listName).append(destinationSide ? " side: dest" : " side: source");
        return out.append(" mask: ").append(mask).toString();
    }
}
