package org.laymanlabs.sandbox.net.iptables;

import java.util.List;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.netfilter.Chain;
import org.laymanlabs.sandbox.net.netfilter.InstalledRule;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;
import org.laymanlabs.sandbox.net.netfilter.Rule;
import org.laymanlabs.sandbox.net.netfilter.Table;

/**
 * iptables -L: the column layout of print_header() and print_rule_details() in
 * iptables/xshared.c, with the padding and the counter abbreviations of xtables_print_num().
 */
final class Listing {

    private final ParsedCommand.ListFormat format;

    Listing(ParsedCommand.ListFormat format) {
        this.format = format;
    }

    /** Every chain of the table, or one, separated by blank lines as nft_rule_list() prints them. */
    String chains(Table table, List<Chain> chains) {
        StringBuilder out = new StringBuilder();
        for (Chain chain : chains) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(header(table, chain));
            List<InstalledRule> rules = chain.rules();
            for (int i = 0; i < rules.size(); i++) {
                out.append(rule(i + 1, rules.get(i)));
            }
        }
        return out.toString();
    }

    String header(Table table, Chain chain) {
        StringBuilder out = new StringBuilder("Chain ").append(chain.name());
        if (chain.builtin()) {
            out.append(" (policy ").append(chain.policy());
            if (format.verbose()) {
                out.append(' ').append(number(chain.packets(), false)).append("packets, ")
                        .append(number(chain.bytes(), false)).append("bytes");
            }
            out.append(")\n");
        } else {
            out.append(" (").append(table.references(chain.name())).append(" references)\n");
        }
        if (format.lineNumbers()) {
            out.append(String.format("%-4s ", "num"));
        }
        if (format.verbose()) {
            out.append(format.exact() ? String.format("%8s %10s ", "pkts", "bytes") : String.format("%5s %5s ", "pkts", "bytes"));
        }
        out.append(String.format("%-9s ", "target")).append(" prot opt");
        if (format.verbose()) {
            out.append(String.format(" %-6s %-6s ", "in", "out"));
        }
        return out.append(String.format(" %-19s  %-19s \n", "source", "destination")).toString();
    }

    String rule(int number, InstalledRule installed) {
        Rule rule = installed.rule();
        IpMatch ip = rule.ip();
        StringBuilder out = new StringBuilder();
        if (format.lineNumbers()) {
            out.append(String.format("%-4d ", number));
        }
        if (format.verbose()) {
            out.append(number(installed.packets(), true)).append(number(installed.bytes(), true));
        }
        out.append(String.format("%-9s ", rule.target() == null ? "" : rule.target().name()));
        out.append(ip.protocolInverted() ? '!' : ' ')
                .append(String.format("%-5s", ip.protocol() == null ? "all" : ip.protocol().keyword())).append("-- ");
        if (format.verbose()) {
            out.append(String.format(" %-6s %-6s ", device(ip.inInterface(), ip.inInverted()), device(ip.outInterface(), ip.outInverted())));
        }
        out.append(ip.sourceInverted() ? '!' : ' ').append(String.format("%-19s ", address(ip.source())));
        out.append(ip.destinationInverted() ? '!' : ' ').append(String.format("%-19s ", address(ip.destination())));
        if (rule.gotoChain()) {
            out.append("[goto] ");
        }
        for (Match match : rule.matches()) {
            out.append(match.print(format.numeric()));
        }
        if (rule.target() != null) {
            out.append(rule.target().print(format.numeric()));
        }
        return out.append('\n').toString();
    }

    private String device(String name, boolean inverted) {
        String shown = name == null ? (format.numeric() ? "*" : "any") : name;
        return (inverted ? "!" : "") + shown;
    }

    /** "anywhere" for /0 without -n; a host without its /32, as xtables_ipmask_to_numeric() leaves it. */
    private String address(Cidr cidr) {
        Cidr shown = cidr == null ? Cidr.parse("0.0.0.0/0") : cidr;
        if (shown.prefixLength() == 0 && !format.numeric()) {
            return "anywhere";
        }
        return shown.prefixLength() == 32 ? shown.address().toString() : shown.toString();
    }

    /** xtables_print_num(): exact with -x, else K/M/G/T after five digits; padded only in the table. */
    private String number(long value, boolean inTable) {
        if (format.exact()) {
            return inTable ? String.format("%8d ", value) : value + " ";
        }
        if (value <= 99999) {
            return inTable ? String.format("%5d ", value) : value + " ";
        }
        String[] units = {"K", "M", "G", "T"};
        long scaled = value;
        for (int i = 0; i < units.length; i++) {
            scaled = (scaled + 500) / 1000;
            if (scaled <= 9999 || i == units.length - 1) {
                return inTable ? String.format("%4d%s ", scaled, units[i]) : scaled + units[i] + " ";
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
