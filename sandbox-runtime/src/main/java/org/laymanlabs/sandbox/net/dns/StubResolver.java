package org.laymanlabs.sandbox.net.dns;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.curl.HostResolver;

/**
 * getaddrinfo(3) for IPv4 as glibc 2.36 does it with {@code hosts: files dns}: /etc/hosts first
 * (nss_files), then DNS (nss_dns) with res_search's order over the search list and res_send's
 * tries over the nameservers. Every query is a real datagram from the caller's namespace, so
 * it crosses the rules that DNAT the cluster DNS Service's address to a CoreDNS pod.
 */
public final class StubResolver implements HostResolver {

    private final DnsClient client;
    private final HomeNamespace namespace;
    private final Config config;
    private final Hosts hosts;

    /** The resolv.conf in force, read at each lookup; serializable, as a sandbox's checkpoint keeps it. */
    @FunctionalInterface
    public interface Config extends Supplier<ResolverConfig>, java.io.Serializable {
    }

    /** The /etc/hosts in force, read at each lookup; serializable, as a sandbox's checkpoint keeps it. */
    @FunctionalInterface
    public interface Hosts extends Supplier<HostsFile>, java.io.Serializable {
    }

    /** Both files are read at each lookup, as glibc notices a changed resolv.conf (since 2.26). */
    public StubResolver(DnsClient client, HomeNamespace namespace, Config config,
            Hosts hosts) {
        this.client = client;
        this.namespace = namespace;
        this.config = config;
        this.hosts = hosts;
    }

    @Override
    public Optional<Ipv4Address> lookup(String host) {
        return getaddrinfo(host) instanceof Resolution.Found found ? Optional.of(found.addresses().get(0)) : Optional.empty();
    }

    /** The outcome getaddrinfo reports: addresses, or its EAI error. */
    public Resolution getaddrinfo(String host) {
        Optional<Ipv4Address> local = hosts.get().lookup(host);
        if (local.isPresent()) {
            return new Resolution.Found(host, List.of(local.get()));
        }
        ResolverConfig conf = config.get();
        return new Search(conf).run(host);
    }

    /** How one name fared over every nameserver and attempt (res_querydomain's h_errno, and errno). */
    private enum Tried { FOUND, NXDOMAIN, NODATA, SERVFAIL, TIMEOUT, REFUSED }

    /** res_search: which names to ask for, in which order, and when to stop. */
    private final class Search {
        private final ResolverConfig conf;
        private Resolution.Found found;
        private boolean gotNodata;
        private boolean gotServfail;

        Search(ResolverConfig conf) {
            this.conf = conf;
        }

        Resolution run(String host) {
            boolean trailingDot = host.endsWith(".");
            long dots = host.chars().filter(c -> c == '.').count() - (trailingDot ? 1 : 0);
            boolean triedAsIs = false;
            Tried last = Tried.NXDOMAIN;
            if (dots >= conf.ndots() || trailingDot) {
                last = attempt(Names.fqdn(host));
                if (last == Tried.FOUND || trailingDot) {
                    return result(last);
                }
                triedAsIs = true;
            }
            for (String domain : conf.search()) {
                last = attempt(host + "." + Names.fqdn(domain));
                if (last == Tried.FOUND || last == Tried.REFUSED) {
                    return result(last);
                }
                if (last == Tried.TIMEOUT) {
                    break;
                }
            }
            if (!triedAsIs) {
                last = attempt(Names.fqdn(host));
            }
            return result(last);
        }

        private Resolution result(Tried last) {
            if (last == Tried.FOUND) {
                return found;
            }
            if (last == Tried.REFUSED || last == Tried.TIMEOUT) {
                return new Resolution.Failed(Resolution.Failure.AGAIN);
            }
            if (gotNodata) {
                return new Resolution.Failed(Resolution.Failure.NODATA);
            }
            return new Resolution.Failed(gotServfail ? Resolution.Failure.AGAIN : Resolution.Failure.NONAME);
        }

        /** res_send: one name to every nameserver in turn, {@code attempts} rounds, until one answers. */
        private Tried attempt(String name) {
            boolean servfail = false;
            boolean refused = false;
            for (int attempt = 0; attempt < conf.attempts(); attempt++) {
                for (int ns = 0; ns < conf.nameservers().size(); ns++) {
                    DnsReply reply = client.ask(namespace.get(), conf.nameservers().get(ns),
                            client.query(Question.in(name, RrType.A), 0), timeoutFor(ns), false);
                    if (reply instanceof DnsReply.Answered answered) {
                        Rcode rcode = answered.message().rcode();
                        if (rcode == Rcode.SERVFAIL || rcode == Rcode.NOTIMP || rcode == Rcode.REFUSED) {
                            servfail = true;
                            continue;
                        }
                        return classify(name, answered.message());
                    }
                    refused |= reply instanceof DnsReply.Refused;
                }
            }
            if (servfail) {
                gotServfail = true;
                return Tried.SERVFAIL;
            }
            return refused ? Tried.REFUSED : Tried.TIMEOUT;
        }

        /** send_dg's timeout: the base for the first server, then (base << ns) / nscount. */
        private Duration timeoutFor(int ns) {
            long seconds = conf.timeout().toSeconds() << ns;
            if (ns > 0) {
                seconds /= conf.nameservers().size();
            }
            return Duration.ofSeconds(Math.max(1, seconds));
        }

        private Tried classify(String name, Message response) {
            if (response.rcode() == Rcode.NXDOMAIN) {
                return Tried.NXDOMAIN;
            }
            List<Ipv4Address> addresses = response.answers().stream()
                    .filter(r -> r.data() instanceof RData.A).map(r -> ((RData.A) r.data()).address()).toList();
            if (addresses.isEmpty()) {
                gotNodata = true;
                return Tried.NODATA;
            }
            found = new Resolution.Found(name, addresses);
            return Tried.FOUND;
        }
    }
}
