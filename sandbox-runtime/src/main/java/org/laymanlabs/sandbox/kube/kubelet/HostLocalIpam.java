package org.laymanlabs.sandbox.kube.kubelet;

import java.util.HashMap;
import java.util.Map;
import org.laymanlabs.sandbox.net.Cidr;

/**
 * containernetworking/plugins ipam/host-local as flannel's conflist configures it: addresses of
 * the node's pod CIDR from .2 (.1 is cni0), each handed out after the last one reserved and
 * wrapping round at the end (allocator.go keeps last_reserved_ip), so an address a pod just gave
 * back is not handed to the next pod while its old owner may still be in the endpoints.
 */
final class HostLocalIpam {

    private final Cidr range;
    private final Map<String, String> leases = new HashMap<>();
    /** The host part of the last address handed out; 1 (cni0's) before the first. */
    private int lastReserved = 1;

    HostLocalIpam(String podCidr) {
        this.range = Cidr.parse(podCidr);
    }

    String allocate(String podUid) {
        String held = leases.get(podUid);
        if (held != null) {
            return held;
        }
        int size = 1 << (32 - range.prefixLength());
        int usable = size - 3; // .0 is the network, .1 cni0, the last the broadcast
        for (int tried = 0; tried < usable; tried++) {
            int n = 2 + (lastReserved - 2 + 1 + usable) % usable;
            lastReserved = n;
            String candidate = range.nth(n).toString();
            if (!leases.containsValue(candidate)) {
                leases.put(podUid, candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("failed to allocate for range 0: no IP addresses available in range set: "
                + range.nth(1) + "-" + range.nth(size - 2));
    }

    void release(String podUid) {
        leases.remove(podUid);
    }
}
