package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;
import org.laymanlabs.sandbox.net.netfilter.StatisticMatch;

/** Options and checks of the statistic match (libxt_statistic.c: statistic_parse, statistic_check). */
final class StatisticMatchParser extends MatchParser {

    private String mode;
    private boolean inverted;
    private Double probability;
    private Long every;
    private Long packet;

    StatisticMatchParser() {
        super("statistic", Set.of("mode", "probability", "every", "packet"));
    }

    @Override
    void parse(String option, Arguments args, boolean invert) {
        switch (option) {
            case "mode" -> {
                refuseInversion(option, invert);
                mode = args.value("--mode");
                if (!mode.equals("random") && !mode.equals("nth")) {
                    throw IptablesError.parameter("Bad mode \"" + mode + "\"");
                }
            }
            case "probability" -> {
                probability = probability(args.value("--probability"));
                inverted |= invert;
            }
            case "every" -> {
                every = unsigned32(option, args.value("--every"));
                if (every < 1) {
                    throw badValue(option, String.valueOf(every));
                }
                inverted |= invert;
            }
            default -> {
                refuseInversion(option, invert);
                packet = unsigned32(option, args.value("--packet"));
            }
        }
    }

    private double probability(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badValue("probability", text);
    }

    @Override
    Match build(IpMatch ip) {
        if (mode == null) {
            throw missing("mode");
        }
        if (probability != null && (every != null || packet != null)) {
            throw IptablesError.parameter("statistic: \"--probability\" cannot be used together with \"--every\".\n");
        }
        if (mode.equals("random")) {
            if (probability == null) {
                throw IptablesError.parameter("--probability must be specified when using random mode");
            }
            return StatisticMatch.random(probability, inverted);
        }
        if (every == null && packet == null) {
            throw IptablesError.parameter("--every and --packet must be specified when using nth mode");
        }
        if (every == null || packet == null) {
            String given = every != null ? "every" : "packet";
            String needed = every != null ? "packet" : "every";
            throw IptablesError.parameter("statistic: option \"--" + given + "\" also requires \"--" + needed + "\".\n");
        }
        if (packet > every - 1) {
            throw IptablesError.parameter("the --packet p must be 0 <= p <= n-1");
        }
        return StatisticMatch.nth(every.intValue(), packet.intValue(), inverted);
    }
}
