package org.laymanlabs.sandbox.net.dnsutils;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.DnsReply;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResolverConfig;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * dig from bind9 9.18 (bin/dig/dig.c and dighost.c): one query with RD and EDNS (1232 bytes) to
 * the server given with {@code @} or the first of resolv.conf, three tries of 5 s, then the
 * answer printed section by section as printmessage does. {@code +short}, {@code +tcp},
 * {@code +search}, {@code -t TYPE}, {@code -x ADDR} and a type word are understood.
 */
public final class Dig implements Command {

    static final String VERSION = "9.18.28-1~deb12u2-Debian";
    private static final int TRIES = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DnsClient client;
    private final HomeNamespace home;
    private final ResolvConf resolvConf;
    private final VirtualClock clock;

    public Dig(DnsClient client, HomeNamespace home, ResolvConf resolvConf, VirtualClock clock) {
        this.client = client;
        this.home = home;
        this.resolvConf = resolvConf;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dig";
    }

    @Override
    public String usage() {
        return "dig [@server] [-t type] [-x addr] [name] [type] [+short] [+tcp] [+search]";
    }

    @Override
    public String summary() {
        return "DNS lookup utility (bind9): ask a name server and print its whole answer.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        DigArgs args;
        try {
            args = DigArgs.parse(invocation.args());
        } catch (IllegalArgumentException e) {
            return CommandResult.error(e.getMessage() + "\n", 1);
        }
        ResolverConfig conf = ResolverConfig.parse(resolvConf.get());
        Ipv4Address server = args.server().orElse(conf.nameservers().get(0));
        StringBuilder out = new StringBuilder();
        List<String> names = args.search() ? conf.candidates(args.name()) : List.of(Question.in(args.name(), args.type()).name());
        DnsReply.Answered last = null;
        for (String name : names) {
            Optional<DnsReply.Answered> reply = ask(server, Question.in(name, args.type()), args.tcp(), out);
            if (reply.isEmpty()) {
                header(args, invocation.args(), out);
                out.append(";; no servers could be reached\n\n");
                return new CommandResult(out.toString(), "", 9);
            }
            last = reply.get();
            if (last.message().rcode() != Rcode.NXDOMAIN) {
                break;
            }
        }
        if (args.shortForm()) {
            last.message().answers().forEach(r -> out.append(r.data().text()).append('\n'));
            return CommandResult.ok(out.toString());
        }
        header(args, invocation.args(), out);
        print(last, server, out);
        return CommandResult.ok(out.toString());
    }

    private Optional<DnsReply.Answered> ask(Ipv4Address server, Question question, boolean tcp, StringBuilder out) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Message query = client.query(question, 1232);
            DnsReply reply = client.ask(home.get(), server, query, TIMEOUT, tcp);
            if (reply instanceof DnsReply.Answered answered) {
                if (answered.truncatedOverUdp()) {
                    out.append(";; Truncated, retrying in TCP mode.\n");
                }
                return Optional.of(answered);
            }
            String why = reply instanceof DnsReply.Refused ? "connection refused"
                    : reply instanceof DnsReply.Unreachable u ? u.errno().toLowerCase(Locale.ROOT) : "timed out";
            out.append(";; communications error to ").append(server).append("#53: ").append(why).append('\n');
        }
        return Optional.empty();
    }

    private static void header(DigArgs args, List<String> typed, StringBuilder out) {
        out.append("\n; <<>> DiG ").append(VERSION).append(" <<>> ").append(String.join(" ", typed)).append('\n');
        if (args.server().isPresent()) {
            out.append("; (1 server found)\n");
        }
        out.append(";; global options: +cmd\n");
    }

    private void print(DnsReply.Answered answered, Ipv4Address server, StringBuilder out) {
        Message m = answered.message();
        out.append(";; Got answer:\n");
        out.append(";; ->>HEADER<<- opcode: QUERY, status: ").append(m.rcode()).append(", id: ").append(m.header().id())
                .append('\n');
        out.append(";; flags:").append(flags(m)).append("; QUERY: ").append(m.questions().size()).append(", ANSWER: ")
                .append(m.answers().size()).append(", AUTHORITY: ").append(m.authority().size()).append(", ADDITIONAL: ")
                .append(m.additional().size()).append('\n');
        if (m.header().recursionDesired() && !m.header().recursionAvailable()) {
            out.append(";; WARNING: recursion requested but not available\n");
        }
        out.append('\n');
        m.opt().ifPresent(opt -> out.append(";; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ")
                .append(opt.dnsClass()).append('\n'));
        out.append(";; QUESTION SECTION:\n");
        m.questions().forEach(q -> out.append(MasterStyle.question(q)).append('\n'));
        section("ANSWER", m.answers(), out);
        section("AUTHORITY", m.authority(), out);
        section("ADDITIONAL", m.additional().stream().filter(r -> !r.type().equals(RrType.OPT)).toList(), out);
        out.append("\n;; Query time: ").append(answered.took().toMillis()).append(" msec\n");
        out.append(";; SERVER: ").append(server).append("#53(").append(server).append(") (").append(answered.transport())
                .append(")\n");
        out.append(";; WHEN: ").append(WHEN.format(clock.now())).append('\n');
        out.append(";; MSG SIZE  rcvd: ").append(m.encode().length).append("\n\n");
    }

    private static void section(String name, List<ResourceRecord> records, StringBuilder out) {
        if (!records.isEmpty()) {
            out.append("\n;; ").append(name).append(" SECTION:\n");
            records.forEach(r -> out.append(MasterStyle.record(r)).append('\n'));
        }
    }

    private static String flags(Message m) {
        List<String> flags = new ArrayList<>();
        var h = m.header();
        if (h.response()) {
            flags.add("qr");
        }
        if (h.authoritative()) {
            flags.add("aa");
        }
        if (h.truncated()) {
            flags.add("tc");
        }
        if (h.recursionDesired()) {
            flags.add("rd");
        }
        if (h.recursionAvailable()) {
            flags.add("ra");
        }
        if (h.authenticData()) {
            flags.add("ad");
        }
        if (h.checkingDisabled()) {
            flags.add("cd");
        }
        return flags.isEmpty() ? "" : " " + String.join(" ", flags);
    }
}
