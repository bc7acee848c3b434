package org.laymanlabs.sandbox.net.ping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Pinger;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * iputils ping (Debian 12's 20221126), over the sandbox's network: each echo request and its
 * reply cross the real path, one a second of sandbox time. The terminal cannot interrupt a
 * command yet, so without {@code -c} it stops after four, as if the learner had pressed Ctrl-C.
 */
public final class PingCommand implements Command {

    private static final int DEFAULT_COUNT = 4;
    private static final int ECHO_ID = 4242;

    private final Pinger pinger;
    private final VirtualClock clock;
    private final HomeNamespace home;
    private final HostResolver resolver;

    public PingCommand(Pinger pinger, VirtualClock clock, HomeNamespace home, HostResolver resolver) {
        this.pinger = pinger;
        this.clock = clock;
        this.home = home;
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String usage() {
        return "ping [-c count] [-W timeout] [-t ttl] [-q] destination";
    }

    @Override
    public String summary() {
        return "Send ICMP echo requests and show the replies (4 unless -c says how many).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        PingOptions options;
        try {
            options = PingOptions.parse(invocation.args());
        } catch (PingOptions.Refused e) {
            return CommandResult.error("ping: " + e.getMessage() + "\n", e.exitCode());
        }
        Optional<Ipv4Address> address = resolver.resolve(options.host());
        if (address.isEmpty()) {
            return CommandResult.error("ping: " + options.host() + ": Name or service not known\n", 2);
        }
        if (home.get().lookup(address.get()).isEmpty()) {
            return CommandResult.error("ping: connect: Network is unreachable\n", 2);
        }
        return ping(address.get(), options);
    }

    private CommandResult ping(Ipv4Address address, PingOptions options) {
        int count = options.count().orElse(DEFAULT_COUNT);
        StringBuilder out = new StringBuilder("PING " + options.host() + " (" + address + ") 56(84) bytes of data.\n");
        List<Double> rtts = new ArrayList<>();
        int errors = 0;
        boolean lost = false;
        Duration slowestError = Duration.ZERO;
        for (int seq = 1; seq <= count; seq++) {
            if (seq > 1) {
                clock.advance(Duration.ofSeconds(1));
            }
            Pinger.Echo echo = pinger.echo(home.get(), address, ECHO_ID, options.ttl());
            if (echo instanceof Pinger.Echo.Replied replied) {
                double rtt = 0.040 + 0.015 * replied.hops();
                rtts.add(rtt);
                if (!options.quiet()) {
                    out.append(String.format("64 bytes from %s: icmp_seq=%d ttl=%d time=%.3f ms%n",
                            replied.from(), seq, replied.ttl(), rtt));
                }
            } else if (echo instanceof Pinger.Echo.Error error) {
                errors++;
                slowestError = error.after().compareTo(slowestError) > 0 ? error.after() : slowestError;
                if (!options.quiet()) {
                    out.append("From ").append(error.from()).append(" icmp_seq=").append(seq).append(' ')
                            .append(error.type().pingText()).append('\n');
                }
            } else {
                lost = true;
            }
        }
        clock.advance(lost ? options.timeout() : slowestError);
        // Errors that take seconds (an ARP that nobody answers) leave several requests in flight at once.
        int pipe = (int) Math.min(count, Math.max(1, slowestError.toSeconds()));
        out.append(statistics(options.host(), count, rtts, errors, pipe));
        return new CommandResult(out.toString(), "", rtts.isEmpty() ? 1 : 0);
    }

    private static String statistics(String host, int count, List<Double> rtts, int errors, int pipe) {
        int loss = (count - rtts.size()) * 100 / count;
        long millis = count == 1 ? 0 : (count - 1) * 1000L + 1;
        StringBuilder out = new StringBuilder("\n--- " + host + " ping statistics ---\n")
                .append(count).append(" packets transmitted, ").append(rtts.size()).append(" received, ")
                .append(errors > 0 ? "+" + errors + " errors, " : "")
                .append(loss).append("% packet loss, time ").append(millis).append("ms\n");
        String pipeText = pipe > 1 ? "pipe " + pipe : "";
        if (rtts.isEmpty()) {
            return out.append(pipeText).append('\n').toString();
        }
        double min = rtts.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = rtts.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double avg = rtts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double mdev = Math.sqrt(Math.max(0, rtts.stream().mapToDouble(r -> r * r).average().orElse(0) - avg * avg));
        return out.append(String.format("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", min, avg, max, mdev))
                .append(pipeText.isEmpty() ? "" : ", " + pipeText).append('\n').toString();
    }
}
