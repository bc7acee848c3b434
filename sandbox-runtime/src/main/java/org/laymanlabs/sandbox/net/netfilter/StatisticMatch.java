package org.laymanlabs.sandbox.net.netfilter;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The statistic match (libxt_statistic.c, kernel net/netfilter/xt_statistic.c).
 *
 * <p>Random mode stores {@code lround(p * 2^31)} and matches when
 * {@code (get_random_u32() & 0x7FFFFFFF) < stored}; iptables prints the stored value back with
 * {@code %.11f}, so 0.3333333333 comes back as 0.33333333349. Nth mode keeps one counter per
 * rule that counts down from {@code every - packet}; the rule matches each time it wraps to 0.
 *
 * @param probability the stored 31-bit fixed-point value (random mode)
 * @param every       n of {@code --every n} (nth mode)
 * @param packet      p of {@code --packet p}, 0 ≤ p < n (nth mode)
 */
public record StatisticMatch(Mode mode, boolean inverted, long probability, int every, int packet) implements Match {

    public enum Mode { RANDOM, NTH }

    private static final long TWO_TO_31 = 0x80000000L;

    public static StatisticMatch random(double p, boolean inverted) {
        return new StatisticMatch(Mode.RANDOM, inverted, Math.round(TWO_TO_31 * p), 0, 0);
    }

    public static StatisticMatch nth(int every, int packet, boolean inverted) {
        return new StatisticMatch(Mode.NTH, inverted, 0, every, packet);
    }

    @Override
    public String name() {
        return "statistic";
    }

    @Override
    public boolean matches(MatchContext context) {
        boolean hit = mode == Mode.RANDOM
                ? (context.random().nextInt() & 0x7FFFFFFF) < probability
                : context.advanceNth(this);
        return hit != inverted;
    }

    /** The counter's first value, set by statistic_check(): {@code (every - 1) - packet}. */
    int initialCount() {
        return (every - 1) - packet;
    }

    @Override
    public String save() {
        return describe("--");
    }

    @Override
    public String print(boolean numeric) {
        return " statistic" + describe("");
    }

    /** print_match(): the save form always has {@code --packet}, the listing only when it is not 0. */
    private String describe(String prefix) {
        String not = inverted ? " !" : "";
        if (mode == Mode.RANDOM) {
            return " " + prefix + "mode random" + not + " " + prefix + "probability " + storedProbability();
        }
        String text = " " + prefix + "mode nth" + not + " " + prefix + "every " + every;
        return packet != 0 || !prefix.isEmpty() ? text + " " + prefix + "packet " + packet : text;
    }

    /** {@code %.11f} of the stored value, rounded from its exact binary value as glibc does. */
    public String storedProbability() {
        return new BigDecimal((double) probability / TWO_TO_31).setScale(11, RoundingMode.HALF_EVEN).toPlainString();
    }
}
