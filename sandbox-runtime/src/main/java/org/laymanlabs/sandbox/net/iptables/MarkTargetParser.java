package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.MarkTarget;
import org.laymanlabs.sandbox.net.netfilter.Target;

/**
 * Options of the MARK target, revision 2 (libxt_MARK.c, mark_tg_parse): every spelling becomes
 * a value/mask pair for {@code mark = (mark & ~mask) ^ value}.
 */
final class MarkTargetParser extends TargetParser {

    private MarkTarget target;

    MarkTargetParser() {
        super("MARK", Set.of("set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark"));
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        refuseInversion(option, inverted);
        if (target != null) {
            throw IptablesError.parameter("MARK target: Can't specify --" + option + " twice");
        }
        String text = args.value("--" + option);
        target = switch (option) {
            case "set-xmark" -> {
                int[] pair = MarkMatchParser.valueAndMask(this, option, text);
                yield new MarkTarget(pair[0], pair[1]);
            }
            case "set-mark" -> {
                int[] pair = MarkMatchParser.valueAndMask(this, option, text);
                yield new MarkTarget(pair[0], pair[0] | pair[1]);
            }
            case "and-mark" -> MarkTarget.andMark((int) unsigned32(option, text));
            case "or-mark" -> MarkTarget.orMark((int) unsigned32(option, text));
            default -> MarkTarget.xorMark((int) unsigned32(option, text));
        };
    }

    @Override
    Target build() {
        if (target == null) {
            throw IptablesError.parameter("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
        }
        return target;
    }
}
