package org.laymanlabs.sandbox.net.netfilter;

/** What a hook decided about a packet. */
public sealed interface Verdict {

    Accept ACCEPT = new Accept();
    Drop DROP = new Drop();

    /** The packet goes on (NF_ACCEPT). */
    record Accept() implements Verdict {
    }

    /** The packet is silently discarded (NF_DROP). */
    record Drop() implements Verdict {
    }

    /** The packet is discarded and the sender gets {@code with} back (REJECT). */
    record Reject(RejectTarget.Type with) implements Verdict {
    }
}
