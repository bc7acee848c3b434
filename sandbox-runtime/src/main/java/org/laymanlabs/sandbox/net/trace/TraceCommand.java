package org.laymanlabs.sandbox.net.trace;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * The learner's packet tracer, which no real tool gives in one place: it opens a TCP connection
 * from the shell's namespace and shows every step of the first packet and of the answer:
 * routing decisions, each netfilter hook with the rules that matched, NAT rewrites, the devices
 * crossed and where it ended.
 */
public final class TraceCommand implements Command {

    private final Connector connector;
    private final HomeNamespace home;
    private final HostResolver resolver;

    public TraceCommand(Connector connector, HomeNamespace home, HostResolver resolver) {
        this.connector = connector;
        this.home = home;
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String usage() {
        return "trace [-u] HOST[:PORT]";
    }

    @Override
    public String summary() {
        return "Follow one TCP connection (or with -u one UDP datagram) hop by hop: routes, iptables rules, NAT, and where it ends.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args();
        boolean udp = !args.isEmpty() && args.get(0).equals("-u");
        if (udp) {
            args = args.subList(1, args.size());
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return CommandResult.error("usage: trace [-u] HOST[:PORT]   (PORT defaults to 80, or 53 with -u)\n", 2);
        }
        String target = args.get(0);
        int colon = target.lastIndexOf(':');
        String host = colon < 0 ? target : target.substring(0, colon);
        String portText = colon < 0 ? (udp ? "53" : "80") : target.substring(colon + 1);
        if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
            return CommandResult.error("trace: invalid port '" + portText + "': use 1-65535\n", 2);
        }
        Ipv4Address address = resolver.resolve(host).orElse(null);
        if (address == null) {
            return CommandResult.error("trace: could not resolve host: " + host + "\n", 2);
        }
        if (udp) {
            return UdpTrace.run(connector.udp(), home.get(), address, Integer.parseInt(portText));
        }
        Exchange exchange = connector.exchange(home.get(), address, Integer.parseInt(portText), "");
        StringBuilder out = new StringBuilder(TracePrinter.print("The first packet:", exchange.request()));
        if (exchange instanceof Exchange.Answered answered) {
            out.append('\n').append(TracePrinter.print("The answer:", answered.reply()));
            out.append("\nResult: answered by ").append(answered.listener().owner()).append(" in ")
                    .append(answered.server().name()).append(", which saw the client as ")
                    .append(answered.clientAsSeen().address()).append(":").append(answered.clientAsSeen().port())
                    .append('\n');
            return CommandResult.ok(out.toString());
        }
        if (exchange instanceof Exchange.Failed failed && failed.answer().isPresent()) {
            out.append('\n').append(TracePrinter.print(failed.refused() && isReset(failed.answer().get())
                    ? "The reset:" : "The ICMP error:", failed.answer().get()));
        }
        out.append("\nResult: ").append(result(exchange)).append('\n');
        return new CommandResult(out.toString(), "", 1);
    }

    private static boolean isReset(PacketTrace answer) {
        return answer.events().stream().filter(TraceEvent.Sent.class::isInstance)
                .map(e -> ((TraceEvent.Sent) e).packet()).findFirst().map(p -> p.tcpRst()).orElse(false);
    }

    private static String result(Exchange exchange) {
        if (exchange instanceof Exchange.Failed failed) {
            return (failed.refused() ? "refused (" : "unreachable (") + failed.errno() + ")";
        }
        return "no answer; the client would time out (" + ((Exchange.TimedOut) exchange).reason() + ")";
    }
}
