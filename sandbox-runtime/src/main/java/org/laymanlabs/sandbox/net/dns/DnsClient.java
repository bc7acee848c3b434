package org.laymanlabs.sandbox.net.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.DatagramExchange;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Asks one server one question, as res_send's send_dg and send_vc do and as dig does: a UDP
 * datagram from a connected socket with a fresh random ID; a response with another ID, or not a
 * response to this question, is discarded; a truncated answer (TC) is asked again over TCP.
 */
public final class DnsClient {

    public static final int PORT = 53;

    private final Connector connector;
    private final VirtualClock clock;
    private final RandomGenerator ids;

    public DnsClient(Connector connector, VirtualClock clock, RandomGenerator ids) {
        this.connector = connector;
        this.clock = clock;
        this.ids = ids;
    }

    /** A query for {@code question} with RD set, and EDNS with {@code ednsSize} bytes if that is above 0. */
    public Message query(Question question, int ednsSize) {
        Message query = Message.query(ids.nextInt(0x10000), question);
        return ednsSize > 0 ? query.withAdditional(ResourceRecord.opt(ednsSize)) : query;
    }

    public DnsReply ask(NetworkNamespace from, Ipv4Address server, Message query, Duration timeout, boolean tcpOnly) {
        Instant start = clock.now();
        if (tcpOnly) {
            return overTcp(from, server, query, timeout, start, false, null);
        }
        DatagramExchange exchange = connector.udp().exchange(from, server, PORT, query.encode(), timeout);
        if (exchange instanceof DatagramExchange.Failed failed) {
            return failed.errno().equals("Connection refused")
                    ? new DnsReply.Refused(failed.errno(), local(failed.request()))
                    : new DnsReply.Unreachable(failed.errno());
        }
        if (exchange instanceof DatagramExchange.TimedOut silent) {
            return new DnsReply.TimedOut(silent.reason(), local(silent.request()));
        }
        DatagramExchange.Answered answered = (DatagramExchange.Answered) exchange;
        Message response;
        try {
            response = Message.decode(answered.payload());
        } catch (DnsFormatException e) {
            return new DnsReply.Malformed(e.getMessage());
        }
        if (!answers(query, response)) {
            clock.advance(timeout);
            return new DnsReply.TimedOut("the answer was not for this query (ID " + response.header().id() + ")",
                    local(exchange.request()));
        }
        if (response.header().truncated()) {
            return overTcp(from, server, query, timeout, start, true, exchange);
        }
        return new DnsReply.Answered(response, DnsReply.Transport.UDP, Duration.between(start, clock.now()), false,
                exchange);
    }

    private DnsReply overTcp(NetworkNamespace from, Ipv4Address server, Message query, Duration timeout,
            Instant start, boolean truncated, DatagramExchange first) {
        Exchange exchange = connector.exchange(from, server, PORT, TcpFraming.frame(query.encode()), timeout);
        if (exchange instanceof Exchange.Failed failed) {
            return failed.refused() ? new DnsReply.Refused(failed.errno(), local(failed.request()))
                    : new DnsReply.Unreachable(failed.errno());
        }
        if (exchange instanceof Exchange.TimedOut silent) {
            return new DnsReply.TimedOut(silent.reason(), local(silent.request()));
        }
        try {
            Message response = Message.decode(TcpFraming.unframe(((Exchange.Answered) exchange).response()));
            if (!answers(query, response)) {
                return new DnsReply.Malformed("the answer was not for this query (ID " + response.header().id() + ")");
            }
            return new DnsReply.Answered(response, DnsReply.Transport.TCP, Duration.between(start, clock.now()),
                    truncated, first);
        } catch (DnsFormatException e) {
            return new DnsReply.Malformed(e.getMessage());
        }
    }

    /** The client socket's "address:port", from the first packet it sent. */
    private static String local(PacketTrace trace) {
        return trace.events().stream().filter(TraceEvent.Sent.class::isInstance).map(e -> ((TraceEvent.Sent) e).packet())
                .findFirst().map(p -> p.source() + ":" + p.sourcePort()).orElse("0.0.0.0:0");
    }

    /** res_queriesmatch: the same ID, a response, and the same question. */
    private static boolean answers(Message query, Message response) {
        return response.header().id() == query.header().id() && response.header().response()
                && response.question().map(q -> query.question().map(mine -> Names.same(q.name(), mine.name())
                        && q.type().equals(mine.type())).orElse(false)).orElse(response.rcode() != Rcode.NOERROR);
    }
}
