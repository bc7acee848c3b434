package org.laymanlabs.sandbox.kube.kubelet;

import java.util.HashMap;
import java.util.Map;
import org.laymanlabs.sandbox.net.Cidr;

/**
 * containernetworking/plugins ipam/host-local as flannel's conflist configures it: the lowest free
 * address of the node's pod CIDR, from .2 (.1 is cni0), released when the sandbox goes.
 */
final class HostLocalIpam {

    private final Cidr range;
    private final Map<String, String> leases = new HashMap<>();

    HostLocalIpam(String podCidr) {
        this.range = Cidr.parse(podCidr);
    }

    String allocate(String podUid) {
        String held = leases.get(podUid);
        if (held != null) {
            return held;
        }
        for (int n = 2; ; n++) {
            String candidate = range.nth(n).toString();
            if (!leases.containsValue(candidate)) {
                leases.put(podUid, candidate);
                return candidate;
            }
        }
    }

    void release(String podUid) {
        leases.remove(podUid);
    }
}
