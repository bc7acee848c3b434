package org.laymanlabs.sandbox.kube.dns;

import java.time.Duration;
import java.util.Optional;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.DnsReply;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.ResolverConfig;

/**
 * Mirrors coredns plugin/forward with {@code forward . /etc/resolv.conf}: a name outside the
 * cluster is sent on, as a real datagram from the CoreDNS pod, to the nameservers of the pod's
 * resolv.conf, which for dnsPolicy Default is the node's. The sandbox is a closed world, so
 * nothing out there answers: an ICMP port unreachable or a timeout comes back instead, and the
 * client gets SERVFAIL (the forward plugin's error, turned into SERVFAIL by the server, and
 * logged by the errors plugin). SERVFAIL rather than REFUSED because the server did try: it
 * is the answer a real cluster gives when its upstream is down.
 */
final class Forward {

    /** The forward plugin's read timeout for one upstream exchange. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final ProcessContext context;
    private final DnsClient client;

    Forward(ProcessContext context, DnsClient client) {
        this.context = context;
        this.client = client;
    }

    /** The upstream's answer, or empty after logging why there is none. */
    Optional<Message> exchange(Message query) {
        ResolverConfig conf = context.files().exists("/etc/resolv.conf")
                ? ResolverConfig.parse(context.files().read("/etc/resolv.conf")) : ResolverConfig.defaults();
        String error = "no upstream";
        for (Ipv4Address upstream : conf.nameservers()) {
            DnsReply reply = client.ask(context.network(), upstream, query, READ_TIMEOUT, false);
            if (reply instanceof DnsReply.Answered answered) {
                return Optional.of(answered.message());
            }
            error = describe(reply, upstream);
        }
        String q = query.question().map(x -> x.name() + " " + x.type()).orElse(". A");
        context.stdout("[ERROR] plugin/errors: 2 " + q + ": " + error);
        return Optional.empty();
    }

    /** The Go net error the forward plugin returns, as the errors plugin prints it. */
    private static String describe(DnsReply reply, Ipv4Address upstream) {
        String peer = upstream + ":53";
        if (reply instanceof DnsReply.Refused refused) {
            return "read udp " + refused.local() + "->" + peer + ": read: connection refused";
        }
        if (reply instanceof DnsReply.TimedOut silent) {
            return "read udp " + silent.local() + "->" + peer + ": i/o timeout";
        }
        if (reply instanceof DnsReply.Unreachable unreachable) {
            return "dial udp " + peer + ": connect: " + unreachable.errno().toLowerCase();
        }
        return "dns: bad rdata";
    }
}
