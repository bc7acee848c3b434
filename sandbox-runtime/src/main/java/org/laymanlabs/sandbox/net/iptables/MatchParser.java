package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;

/** A match extension's parser; {@link #build} runs its final check (x6_fcheck) once the rule is read. */
abstract class MatchParser extends ExtensionParser {

    MatchParser(String name, Set<String> options) {
        super(name, options);
    }

    abstract Match build(IpMatch ip);
}
