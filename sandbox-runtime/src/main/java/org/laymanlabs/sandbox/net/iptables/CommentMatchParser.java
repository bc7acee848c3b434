package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.CommentMatch;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;

/** The comment match's one option (libxt_comment.c). */
final class CommentMatchParser extends MatchParser {

    private String text;

    CommentMatchParser() {
        super("comment", Set.of("comment"));
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        refuseInversion(option, inverted);
        String value = args.value("--comment");
        if (value.length() > CommentMatch.MAX_LENGTH) {
            throw IptablesError.parameter("comment: argument for \"--comment\" is too long (max "
                    + CommentMatch.MAX_LENGTH + ")");
        }
        text = value;
    }

    @Override
    Match build(IpMatch ip) {
        if (text == null) {
            throw missing("comment");
        }
        return new CommentMatch(text);
    }
}
