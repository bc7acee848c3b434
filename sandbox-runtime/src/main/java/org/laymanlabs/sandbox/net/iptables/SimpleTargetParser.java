package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.LogTarget;
import org.laymanlabs.sandbox.net.netfilter.RejectTarget;
import org.laymanlabs.sandbox.net.netfilter.Target;
import org.laymanlabs.sandbox.net.netfilter.TraceTarget;

/** REJECT's {@code --reject-with} (libipt_REJECT.c), LOG's prefix and level (libipt_LOG.c), and TRACE. */
final class SimpleTargetParser extends TargetParser {

    private RejectTarget.Type rejectWith = RejectTarget.Type.ICMP_PORT_UNREACHABLE;
    private String logPrefix = "";
    private int logLevel = LogTarget.DEFAULT_LEVEL;

    SimpleTargetParser(String name) {
        super(name, switch (name) {
            case "REJECT" -> Set.of("reject-with");
            case "LOG" -> Set.of("log-prefix", "log-level");
            default -> Set.of();
        });
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        refuseInversion(option, inverted);
        String value = args.value("--" + option);
        switch (option) {
            case "reject-with" -> rejectWith = RejectTarget.Type.parse(value)
                    .orElseThrow(() -> IptablesError.parameter("unknown reject type \"" + value + "\""));
            case "log-prefix" -> {
                if (value.length() > 29) {
                    throw IptablesError.parameter("Maximum prefix length 29 for --log-prefix");
                }
                logPrefix = value;
            }
            default -> {
                if (!value.matches("[0-7]")) {
                    throw IptablesError.parameter("log-level `" + value + "' unknown");
                }
                logLevel = Integer.parseInt(value);
            }
        }
    }

    @Override
    Target build() {
        return switch (name()) {
            case "REJECT" -> new RejectTarget(rejectWith);
            case "LOG" -> new LogTarget(logPrefix, logLevel);
            default -> new TraceTarget();
        };
    }
}
