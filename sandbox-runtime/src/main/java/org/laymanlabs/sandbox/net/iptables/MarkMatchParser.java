package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.MarkMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;

/** The mark match's {@code [!] --mark value[/mask]} (libxt_mark.c, XTTYPE_MARKMASK32). */
final class MarkMatchParser extends MatchParser {

    private MarkMatch mark;

    MarkMatchParser() {
        super("mark", Set.of("mark"));
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        int[] valueAndMask = valueAndMask(this, option, args.value("--mark"));
        mark = new MarkMatch(valueAndMask[0], valueAndMask[1], inverted);
    }

    /** {@code value} or {@code value/mask}; the mask defaults to all ones. */
    static int[] valueAndMask(ExtensionParser parser, String option, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new int[] {(int) parser.unsigned32(option, text), -1};
        }
        return new int[] {(int) parser.unsigned32(option, text.substring(0, slash)),
                (int) parser.unsigned32(option, text.substring(slash + 1))};
    }

    @Override
    Match build(IpMatch ip) {
        if (mark == null) {
            throw missing("mark");
        }
        return mark;
    }
}
