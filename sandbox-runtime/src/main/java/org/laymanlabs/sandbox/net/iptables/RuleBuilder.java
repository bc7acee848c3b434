package org.laymanlabs.sandbox.net.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.JumpTarget;
import org.laymanlabs.sandbox.net.netfilter.Match;
import org.laymanlabs.sandbox.net.netfilter.Rule;
import org.laymanlabs.sandbox.net.netfilter.StandardTarget;
import org.laymanlabs.sandbox.net.netfilter.Target;

/**
 * Collects the rule part of a command line (the matching half of do_parse() in
 * iptables/xshared.c): addresses, interfaces and protocol, the matches in load order, and the
 * target. An option no loaded extension claims loads the protocol's match implicitly, once,
 * which is why {@code -p tcp --dport 80} saves as {@code -p tcp -m tcp --dport 80}.
 */
final class RuleBuilder {

    /** values() clones its array on every call, and every rule's -j is looked up here. */
    private static final StandardTarget[] STANDARD_TARGETS = StandardTarget.values();

    private final List<MatchParser> matches = new ArrayList<>();
    private Cidr source;
    private boolean sourceInverted;
    private Cidr destination;
    private boolean destinationInverted;
    private String in;
    private boolean inInverted;
    private String out;
    private boolean outInverted;
    private Protocol protocol;
    private boolean protocolInverted;
    private boolean protocolMatchLoaded;
    private String jumpTo;
    private boolean gotoChain;
    private TargetParser target;

    boolean hasRuleParts() {
        return source != null || destination != null || in != null || out != null || protocol != null
                || !matches.isEmpty() || jumpTo != null;
    }

    void source(String text, boolean inverted) {
        source = address(text);
        sourceInverted = inverted;
    }

    void destination(String text, boolean inverted) {
        destination = address(text);
        destinationInverted = inverted;
    }

    void inInterface(String device, boolean inverted) {
        in = device(device);
        inInverted = inverted;
    }

    void outInterface(String device, boolean inverted) {
        out = device(device);
        outInverted = inverted;
    }

    void protocol(String text, boolean inverted) {
        if (text.equals("all") || text.equals("0")) {
            protocol = null;
            return;
        }
        protocol = Protocol.fromKeyword(text)
                .orElseThrow(() -> IptablesError.parameter("unknown protocol \"" + text + "\" specified"));
        protocolInverted = inverted;
    }

    void loadMatch(String name) {
        MatchParser parser = Extensions.match(name)
                .orElseThrow(() -> IptablesError.parameter("Couldn't load match `" + name + "':No such file or directory\n"));
        if (parser instanceof PortMatchParser) {
            protocolMatchLoaded = true;
        }
        matches.add(parser);
    }

    void jump(String name, boolean isGoto) {
        if (jumpTo != null) {
            throw IptablesError.parameter("multiple -j flags not allowed");
        }
        jumpTo = name;
        gotoChain = isGoto;
        target = isGoto ? null : Extensions.target(name).orElse(null);
    }

    /** command_default(): the target first, then the matches in order, then the implicit protocol match. */
    void extensionOption(String word, Arguments args, boolean inverted) {
        String option = word.substring(2);
        if (target != null && target.takes(option)) {
            target.parse(option, args, inverted);
            return;
        }
        for (MatchParser match : matches) {
            if (match.takes(option)) {
                match.parse(option, args, inverted);
                return;
            }
        }
        if (protocol != null && !protocolMatchLoaded && protocol != Protocol.ICMP) {
            loadMatch(protocol.keyword());
            extensionOption(word, args, inverted);
            return;
        }
        throw IptablesError.parameter("unknown option \"" + word + "\"");
    }

    /** Final checks, then the rule; {@code chainExists} decides whether a -j/-g word names a chain. */
    Rule build(Predicate<String> chainExists) {
        IpMatch ip = new IpMatch(source, sourceInverted, destination, destinationInverted,
                in, inInverted, out, outInverted, protocol, protocolInverted);
        List<Match> built = new ArrayList<>();
        for (MatchParser match : matches) {
            built.add(match.build(ip));
        }
        return new Rule(ip, built, target(chainExists), gotoChain);
    }

    private Target target(Predicate<String> chainExists) {
        if (jumpTo == null) {
            return null;
        }
        Optional<StandardTarget> standard = standard(jumpTo);
        if (standard.isPresent() && !gotoChain) {
            return standard.get();
        }
        if (target != null) {
            return target.build();
        }
        if (!chainExists.test(jumpTo)) {
            if (gotoChain) {
                throw IptablesError.parameter("goto '" + jumpTo + "' is not a chain\n");
            }
            // iptables-nft 1.8.9 words it so (iptables-legacy said "Couldn't load target").
            throw IptablesError.missingChain(jumpTo);
        }
        return new JumpTarget(jumpTo);
    }

    private static Optional<StandardTarget> standard(String name) {
        for (StandardTarget standard : STANDARD_TARGETS) {
            if (standard.name().equals(name)) {
                return Optional.of(standard);
            }
        }
        return Optional.empty();
    }

    /** xtables_ipparse_any(): an address with an optional prefix length; names are not resolved here. */
    private static Cidr address(String text) {
        try {
            Cidr cidr = Cidr.parse(text);
            return cidr;
        } catch (IllegalArgumentException e) {
            String host = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            if (Ipv4Address.isValid(host)) {
                throw IptablesError.parameter("invalid mask `" + text.substring(text.indexOf('/') + 1) + "' specified");
            }
            throw IptablesError.parameter("host/network `" + host + "' not found");
        }
    }

    /** xtables_parse_interface(): at most 15 characters, no empty name. */
    private static String device(String name) {
        if (name.isEmpty()) {
            throw IptablesError.parameter("Empty interface is likely to be undesired");
        }
        if (name.length() > 15) {
            throw IptablesError.parameter("interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
        }
        return name;
    }
}
