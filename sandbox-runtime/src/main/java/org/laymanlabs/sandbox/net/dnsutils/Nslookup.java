package org.laymanlabs.sandbox.net.dnsutils;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.DnsReply;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.RData;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResolverConfig;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * nslookup from bind9 9.18 (bin/dig/nslookup.c), non-interactive: {@code nslookup NAME [SERVER]}.
 * It walks resolv.conf's search list as its ndots says, prints the server, then each A and
 * AAAA record of the first name that exists, or {@code ** server can't find NAME: NXDOMAIN}. An
 * address is looked up backwards (PTR).
 */
public final class Nslookup implements Command {

    private static final int TRIES = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DnsClient client;
    private final HomeNamespace home;
    private final ResolvConf resolvConf;

    public Nslookup(DnsClient client, HomeNamespace home, ResolvConf resolvConf) {
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
        return "nslookup NAME [SERVER]";
    }

    @Override
    public String summary() {
        return "Query a name server for a name's addresses (bind9's nslookup).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (args.isEmpty() || args.size() > 2) {
            return CommandResult.error("Usage: nslookup [-opt ...] NAME [SERVER]\n", 1);
        }
        ResolverConfig conf = ResolverConfig.parse(resolvConf.get());
        if (args.size() == 2 && !Ipv4Address.isValid(args.get(1))) {
            return CommandResult.error("nslookup: couldn't get address for '" + args.get(1) + "': not found\n", 1);
        }
        Ipv4Address server = args.size() == 2 ? Ipv4Address.parse(args.get(1)) : conf.nameservers().get(0);
        String typed = args.get(0);
        StringBuilder out = new StringBuilder();
        boolean reverse = Ipv4Address.isValid(typed);
        List<String> names = reverse ? List.of(ptrName(typed)) : conf.candidates(typed);
        for (String name : names) {
            Optional<Message> a = ask(server, Question.in(name, reverse ? RrType.PTR : RrType.A), out);
            if (a.isEmpty()) {
                out.append(";; no servers could be reached\n\n");
                return new CommandResult(out.toString(), "", 1);
            }
            if (a.get().rcode() == Rcode.NXDOMAIN) {
                continue;
            }
            serverLines(server, out);
            if (a.get().rcode() != Rcode.NOERROR) {
                out.append("** server can't find ").append(bare(name)).append(": ").append(a.get().rcode()).append("\n\n");
                return new CommandResult(out.toString(), "", 1);
            }
            print(a.get(), out);
            if (!reverse) {
                ask(server, Question.in(name, RrType.AAAA), new StringBuilder()).ifPresent(aaaa -> print(aaaa, out));
            }
            return CommandResult.ok(out.append('\n').toString());
        }
        serverLines(server, out);
        out.append("** server can't find ").append(reverse ? bare(names.get(0)) : typed).append(": NXDOMAIN\n\n");
        return new CommandResult(out.toString(), "", 1);
    }

    private Optional<Message> ask(Ipv4Address server, Question question, StringBuilder out) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            DnsReply reply = client.ask(home.get(), server, client.query(question, 0), TIMEOUT, false);
            if (reply instanceof DnsReply.Answered answered) {
                return Optional.of(answered.message());
            }
            String why = reply instanceof DnsReply.Refused ? "connection refused" : "timed out";
            out.append(";; communications error to ").append(server).append("#53: ").append(why).append('\n');
        }
        return Optional.empty();
    }

    private static void serverLines(Ipv4Address server, StringBuilder out) {
        out.append("Server:\t\t").append(server).append("\nAddress:\t").append(server).append("#53\n\n");
    }

    /** printsection in nslookup.c: addresses as Name/Address pairs, names as "owner<TAB>kind = target". */
    private static void print(Message m, StringBuilder out) {
        if (!m.header().authoritative() && !m.answers().isEmpty()) {
            out.append("Non-authoritative answer:\n");
        }
        for (ResourceRecord r : m.answers()) {
            String owner = bare(r.name());
            if (r.data() instanceof RData.A || r.data() instanceof RData.Aaaa) {
                out.append("Name:\t").append(owner).append("\nAddress: ").append(r.data().text()).append('\n');
            } else if (r.data() instanceof RData.Cname c) {
                out.append(owner).append("\tcanonical name = ").append(c.target()).append('\n');
            } else if (r.data() instanceof RData.Ptr p) {
                out.append(r.name().substring(0, r.name().length() - 1)).append("\tname = ").append(p.target()).append('\n');
            }
        }
    }

    static String ptrName(String ip) {
        String[] o = ip.split("\\.");
        return o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa.";
    }

    private static String bare(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
