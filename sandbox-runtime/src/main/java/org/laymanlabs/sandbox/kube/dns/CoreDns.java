package org.laymanlabs.sandbox.kube.dns;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.container.program.Program;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.DnsFormatException;
import org.laymanlabs.sandbox.net.dns.Header;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.TcpFraming;
import org.laymanlabs.sandbox.net.socket.Listener;

/**
 * CoreDNS 1.11.3 as kubeadm runs it ({@code -conf /etc/coredns/Corefile}, see {@link Corefile}):
 * it listens on UDP and TCP 53 in its pod's namespace, watches Services, EndpointSlices and
 * Namespaces through the API server as the kubernetes plugin's informers do, and answers each
 * query from the cache, else the kubernetes plugin, else the forward plugin. It serves /health
 * on 8080, /ready on 8181 and Prometheus metrics on 9153.
 */
public final class CoreDns implements Program {

    static final String ZONE = "cluster.local";

    private final ApiServer api;

    public CoreDns(ApiServer api) {
        this.api = api;
    }

    @Override
    public Process start(ProcessContext context) {
        Running running = new Running(context);
        return running.start();
    }

    /** One CoreDNS process: its informers' view, its cache and its sockets. */
    private final class Running {
        private final ProcessContext context;
        private final KubernetesPlugin kubernetes = new KubernetesPlugin(ZONE);
        private final ResponseCache cache = new ResponseCache();
        private final Metrics metrics = new Metrics();
        private final List<ApiWatch> watches = new ArrayList<>();
        private final Forward forward;
        private ClusterRecords records;
        private long serial;
        private Listener udp;

        Running(ProcessContext context) {
            this.context = context;
            this.forward = new Forward(context, new DnsClient(context.connector(), context.clock(),
                    new SplittableRandom(context.clock().now().toEpochMilli())));
        }

        Process start() {
            long from = api.resourceVersion();
            serial = context.clock().now().getEpochSecond();
            for (var type : List.of(ApiResources.SERVICES, ApiResources.ENDPOINT_SLICES, ApiResources.NAMESPACES)) {
                watches.add(api.watch(type, "", from, e -> changed()));
            }
            Optional<String> bound = bindAll();
            if (bound.isPresent()) {
                context.stdout("Listen: listen tcp :53: bind: " + bound.get().toLowerCase());
                stop();
                context.exit(1);
                return Process.IGNORES_SIGNALS;
            }
            context.stdout(".:53");
            context.stdout("[INFO] plugin/reload: Running configuration SHA512 = " + Corefile.sha512(Corefile.kubeadm(ZONE)));
            context.stdout("CoreDNS-1.11.3");
            context.stdout("linux/amd64, go1.21.11, a6338e9");
            return signal -> {
                if (signal == Signal.SIGTERM || signal == Signal.SIGINT) {
                    context.stdout("[INFO] SIGTERM: Shutting down servers then terminating");
                    context.stdout("[INFO] plugin/health: Going into lameduck mode for 5s");
                    stop();
                    return OptionalInt.of(0);
                }
                return OptionalInt.empty();
            };
        }

        private Optional<String> bindAll() {
            Optional<String> tcp = context.listen(53, (request, peer) -> serveTcp(request));
            if (tcp.isPresent()) {
                return tcp;
            }
            try {
                udp = context.network().sockets().bind(Ipv4Address.ANY, 53, "coredns",
                        (payload, peer) -> context.exited() ? Optional.empty() : serve(payload, "udp", Message.UDP_LIMIT));
            } catch (RuntimeException e) {
                return Optional.of("Address already in use");
            }
            context.listen(8080, new Http(new Http.Fixed("/health", "OK")));
            context.listen(8181, new Http(new Http.Fixed("/ready", "OK")));
            // The page captures the counters alone, not this process: a checkpoint makes the socket's
            // record only after its handler, which must not lead back to the socket.
            Metrics counted = metrics;
            context.listen(9153, new Http(req -> req.equals("/metrics") ? Optional.of(counted.text()) : Optional.empty()));
            return Optional.empty();
        }

        private void stop() {
            watches.forEach(ApiWatch::cancel);
            watches.clear();
            if (udp != null) {
                context.network().sockets().close(udp);
                udp = null;
            }
        }

        /** An informer event: the index is rebuilt on the next query, and the SOA serial moves on. */
        private void changed() {
            records = null;
            serial = context.clock().now().getEpochSecond();
        }

        /**
         * A stream that is not a length-prefixed message (someone's {@code curl 10.96.0.10:53}) gets no
         * answer: miekg/dns waits for the rest of the message it was promised, then closes the connection.
         */
        private String serveTcp(String stream) {
            byte[] payload;
            try {
                payload = TcpFraming.unframe(stream);
            } catch (DnsFormatException e) {
                return "";
            }
            return TcpFraming.frame(serve(payload, "tcp", 65535).orElse(new byte[0]));
        }

        private Optional<byte[]> serve(byte[] payload, String proto, int defaultLimit) {
            Message query;
            try {
                query = Message.decode(payload);
            } catch (DnsFormatException e) {
                return formerr(payload);
            }
            if (query.header().response() || query.question().isEmpty()) {
                return Optional.empty();
            }
            Message response = answer(query);
            metrics.count(proto, query.question().get().type().toString(), response.rcode());
            int limit = query.opt().map(o -> Math.max(Message.UDP_LIMIT, o.dnsClass())).orElse(defaultLimit);
            if (query.opt().isPresent() && response.opt().isEmpty()) {
                response = response.withAdditional(ResourceRecord.opt(Math.max(Message.UDP_LIMIT,
                        query.opt().get().dnsClass())));
            }
            return Optional.of(response.encode(proto.equals("udp") ? limit : 65535));
        }

        private Message answer(Message query) {
            if (query.header().opcode() != 0) {
                return new Message(query.header().answer(false, false, Rcode.NOTIMP), query.questions(), List.of(),
                        List.of(), List.of());
            }
            Optional<Message> cached = cache.get(query, context.clock().now());
            if (cached.isPresent()) {
                return cached.get();
            }
            Message plain = new Message(query.header(), query.questions(), List.of(), List.of(), List.of());
            Message response = kubernetes.answer(plain, records(), serial)
                    .or(() -> forward.exchange(plain).map(r -> withId(r, query)))
                    .orElseGet(() -> new Message(query.header().answer(false, false, Rcode.SERVFAIL), query.questions(),
                            List.of(), List.of(), List.of()));
            cache.put(response, context.clock().now());
            return response;
        }

        private ClusterRecords records() {
            if (records == null) {
                records = ClusterRecords.from(api.list(Service.class, ""), api.list(EndpointSlice.class, ""),
                        api.list(Namespace.class, ""));
            }
            return records;
        }

        /** miekg/dns answers what it cannot parse with FORMERR if the header at least is there. */
        private Optional<byte[]> formerr(byte[] payload) {
            if (payload.length < 12) {
                return Optional.empty();
            }
            Header asked = Header.query((payload[0] & 0xFF) << 8 | payload[1] & 0xFF);
            return Optional.of(new Message(asked.answer(false, false, Rcode.FORMERR), List.of(), List.of(), List.of(),
                    List.of()).encode());
        }
    }

    private static Message withId(Message response, Message query) {
        Header h = response.header();
        return new Message(new Header(query.header().id(), true, h.opcode(), h.authoritative(), h.truncated(),
                h.recursionDesired(), h.recursionAvailable(), h.authenticData(), h.checkingDisabled(), h.rcode()),
                response.questions(), response.answers(), response.authority(), response.additional());
    }
}
