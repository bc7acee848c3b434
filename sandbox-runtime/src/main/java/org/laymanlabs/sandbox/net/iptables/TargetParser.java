package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.Target;

/** A target extension's parser; {@link #build} runs its final check once the rule is read. */
abstract class TargetParser extends ExtensionParser {

    TargetParser(String name, Set<String> options) {
        super(name, options);
    }

    abstract Target build();
}
