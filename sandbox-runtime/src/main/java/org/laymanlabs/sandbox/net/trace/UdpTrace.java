package org.laymanlabs.sandbox.net.trace;

import java.time.Duration;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.DatagramExchange;
import org.laymanlabs.sandbox.net.ipv4.UdpSender;

/**
 * {@code trace -u}: one empty UDP datagram from a connected socket, and what became of it. A
 * server that answers only well-formed requests (a DNS server) stays silent, which shows that
 * UDP, unlike TCP, has no handshake that would answer for it: only the path tells.
 */
final class UdpTrace {

    /** How long the tracer waits for an answer, as long as a resolver's default timeout. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private UdpTrace() {
    }

    static CommandResult run(UdpSender udp, NetworkNamespace client, Ipv4Address address, int port) {
        DatagramExchange exchange = udp.exchange(client, address, port, new byte[0], WAIT);
        StringBuilder out = new StringBuilder(TracePrinter.print("The datagram:", exchange.request()));
        if (exchange instanceof DatagramExchange.Answered answered) {
            out.append('\n').append(TracePrinter.print("The answer:", answered.reply()));
            out.append("\nResult: answered by ").append(answered.socket().owner()).append(" in ")
                    .append(answered.server().name()).append(", which saw the client as ")
                    .append(answered.clientAsSeen().address()).append(":").append(answered.clientAsSeen().port())
                    .append('\n');
            return CommandResult.ok(out.toString());
        }
        if (exchange instanceof DatagramExchange.Failed failed) {
            failed.answer().ifPresent(path -> out.append('\n').append(TracePrinter.print("The ICMP error:", path)));
            out.append("\nResult: ").append(failed.errno().equals("Connection refused") ? "refused (" : "unreachable (")
                    .append(failed.errno()).append(")\n");
            return new CommandResult(out.toString(), "", 1);
        }
        DatagramExchange.TimedOut silent = (DatagramExchange.TimedOut) exchange;
        String delivered = silent.socket().map(s -> "delivered to " + s.owner() + ", ").orElse("");
        out.append("\nResult: ").append(delivered).append("no answer; the client would time out (")
                .append(silent.reason()).append(")\n");
        return new CommandResult(out.toString(), "", 1);
    }
}
