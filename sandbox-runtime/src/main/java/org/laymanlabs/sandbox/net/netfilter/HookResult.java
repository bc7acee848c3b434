package org.laymanlabs.sandbox.net.netfilter;

import java.util.List;

/**
 * What one hook did with a packet: the verdict, the packet as it leaves the hook (NAT and MARK
 * applied, conntrack attached; pass it to the next hook), and every rule that matched on the way.
 */
public record HookResult(Verdict verdict, Packet packet, List<TraceEntry> trace) {

    public HookResult {
        trace = List.copyOf(trace);
    }

    public boolean accepted() {
        return verdict instanceof Verdict.Accept;
    }
}
