package org.laymanlabs.sandbox.net.netfilter;

/**
 * An iptables match extension (-m NAME …). Each one mirrors its libxt_NAME.c for the text it
 * saves and lists, and its kernel xt_NAME.c for what it matches.
 */
public sealed interface Match
        permits PortMatch, MultiportMatch, CommentMatch, AddrTypeMatch, MarkMatch,
                ConntrackMatch, RecentMatch, StatisticMatch {

    /** The name after {@code -m}. */
    String name();

    boolean matches(MatchContext context);

    /** The options as iptables-save prints them after {@code -m NAME}, each with a leading space. */
    String save();

    /** The words iptables -L prints for this match, each with a leading space. */
    String print(boolean numeric);
}
