package org.laymanlabs.sandbox.net.dnsutils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.DnsReply;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.RData;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * busybox 1.36's nslookup (networking/nslookup.c, the FEATURE_NSLOOKUP_BIG resolver from
 * OpenWrt): it sends an A and an AAAA query for the name with each search domain appended, only
 * when the name has no dot at all (it ignores ndots), all at once, and prints every reply as it
 * comes, NXDOMAINs included; that is why it shows "server can't find" lines next to the answer
 * and exits 1 in a pod even when the Service exists.
 */
public final class BusyboxNslookup implements Command {

    /** G.default_timeout, with the queries sent again after half of it (default_retry 2). */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DnsClient client;
    private final HomeNamespace home;
    private final ResolvConf resolvConf;

    public BusyboxNslookup(DnsClient client, HomeNamespace home, ResolvConf resolvConf) {
        this.client = client;
        this.home = home;
        this.resolvConf = resolvConf;
    }

    @Override
    public String name() {
        return "nslookup";
    }

    @Override
    public String usage() {
        return "nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]";
    }

    @Override
    public String summary() {
        return "Query DNS about HOST (busybox).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<RrType> types = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String a : invocation.args()) {
            if (a.startsWith("-type=") || a.startsWith("-querytype=") || a.startsWith("-q=")) {
                String t = a.substring(a.indexOf('=') + 1);
                var type = RrType.parse(t).filter(x -> List.of("SOA", "NS", "A", "AAAA", "CNAME", "MX", "TXT", "PTR", "ANY")
                        .contains(x.toString()));
                if (type.isEmpty()) {
                    return CommandResult.error("nslookup: invalid query type \"" + t + "\"\n", 1);
                }
                types.add(type.get());
            } else if (a.startsWith("-")) {
                return usage(invocation);
            } else {
                words.add(a);
            }
        }
        if (words.isEmpty() || words.size() > 2) {
            return usage(invocation);
        }
        BusyboxConf conf = BusyboxConf.parse(resolvConf.get());
        String server = words.size() == 2 ? words.get(1) : conf.nameservers().isEmpty() ? "127.0.0.1" : conf.nameservers().get(0);
        if (!Ipv4Address.isValid(server)) {
            return CommandResult.error("nslookup: bad address '" + server + "'\n", 1);
        }
        List<Question> queries = queries(words.get(0), types, conf.search());
        return send(Ipv4Address.parse(server), server, queries);
    }

    private static CommandResult usage(Invocation invocation) {
        return CommandResult.error("BusyBox v1.36.1 multi-call binary.\n\n"
                + "Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\n"
                + "QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,any\n", 1);
    }

    /** add_query_with_search for each type: no dot in the name means one query per search domain. */
    static List<Question> queries(String host, List<RrType> types, List<String> search) {
        List<Question> queries = new ArrayList<>();
        if (types.isEmpty() && Ipv4Address.isValid(host)) {
            return List.of(Question.in(Nslookup.ptrName(host), RrType.PTR));
        }
        for (RrType type : types.isEmpty() ? List.of(RrType.A, RrType.AAAA) : types) {
            if (type.equals(RrType.PTR) || search.isEmpty() || host.contains(".")) {
                queries.add(Question.in(host, type));
            } else {
                search.forEach(domain -> queries.add(Question.in(host + "." + domain, type)));
            }
        }
        return queries;
    }

    /** send_queries: all at once, replies printed in arrival order, silence costs the whole timeout. */
    private CommandResult send(Ipv4Address server, String serverName, List<Question> queries) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int exit = 0;
        boolean any = false;
        boolean waited = false;
        for (Question q : queries) {
            // The queries go out together, so silence costs the timeout once, not once per query.
            DnsReply reply = client.ask(home.get(), server, client.query(q, 0), waited ? Duration.ZERO : TIMEOUT, false);
            if (!(reply instanceof DnsReply.Answered answered)) {
                if (reply instanceof DnsReply.Refused) {
                    err.append("nslookup: read: Connection refused\n");
                }
                waited |= reply instanceof DnsReply.TimedOut;
                continue;
            }
            if (!any) {
                out.append("Server:\t\t").append(serverName).append("\nAddress:\t").append(server).append(":53\n\n");
                any = true;
            }
            Message m = answered.message();
            String name = bare(q.name());
            if (m.rcode() != Rcode.NOERROR) {
                out.append("** server can't find ").append(name).append(": ").append(m.rcode()).append('\n');
                exit = 1;
            } else if (parseReply(m, out) == 0) {
                out.append("*** Can't find ").append(name).append(": No answer\n");
            }
            out.append('\n');
        }
        if (!any) {
            return new CommandResult(";; connection timed out; no servers could be reached\n\n", err.toString(), 1);
        }
        return new CommandResult(out.toString(), err.toString(), exit);
    }

    /** parse_reply: the answer section, one format per type; returns how many records it read. */
    private static int parseReply(Message m, StringBuilder out) {
        if (!m.header().authoritative()) {
            out.append("Non-authoritative answer:\n");
        }
        for (ResourceRecord r : m.answers()) {
            String owner = bare(r.name());
            if (r.data() instanceof RData.A || r.data() instanceof RData.Aaaa) {
                out.append("Name:\t").append(owner).append("\nAddress: ").append(r.data().text()).append('\n');
            } else if (r.data() instanceof RData.Cname c) {
                out.append(owner).append("\tcanonical name = ").append(bare(c.target())).append('\n');
            } else if (r.data() instanceof RData.Ptr p) {
                out.append(owner).append("\tname = ").append(bare(p.target())).append('\n');
            } else if (r.data() instanceof RData.Ns ns) {
                out.append(owner).append("\tnameserver = ").append(bare(ns.host())).append('\n');
            }
        }
        return m.answers().size();
    }

    private static String bare(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
