package org.laymanlabs.sandbox.net.ipv4;

import java.util.List;
import org.laymanlabs.sandbox.net.trace.TraceEvent;

/** What one netfilter hook did: its verdict, and the rules that matched on the way to it. */
public record HookResult(HookVerdict verdict, List<TraceEvent.RuleHit> rules) {

    public static final HookResult ACCEPTED = new HookResult(HookVerdict.ACCEPT, List.of());

    public HookResult {
        rules = List.copyOf(rules);
    }
}
