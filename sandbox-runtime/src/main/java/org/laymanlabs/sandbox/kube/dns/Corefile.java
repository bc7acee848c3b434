package org.laymanlabs.sandbox.kube.dns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Corefile kubeadm writes into the coredns ConfigMap (cmd/kubeadm/app/phases/addons/dns,
 * CoreDNSConfigMap) for the cluster domain. CoreDns serves what this file says for
 * {@code cluster.local}; the file itself is not parsed, so editing the ConfigMap changes nothing
 * but the reload plugin's checksum line.
 */
public final class Corefile {

    private Corefile() {
    }

    public static String kubeadm(String clusterDomain) {
        return """
                .:53 {
                    errors
                    health {
                       lameduck 5s
                    }
                    ready
                    kubernetes %s in-addr.arpa ip6.arpa {
                       pods insecure
                       fallthrough in-addr.arpa ip6.arpa
                       ttl 30
                    }
                    prometheus :9153
                    forward . /etc/resolv.conf {
                       max_concurrent 1000
                    }
                    cache 30
                    loop
                    reload
                    loadbalance
                }
                """.formatted(clusterDomain);
    }

    /** The reload plugin's "Running configuration SHA512" of a Corefile's text. */
    static String sha512(String corefile) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(corefile.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }
}
