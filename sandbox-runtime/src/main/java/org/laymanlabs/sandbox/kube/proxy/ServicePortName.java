package org.laymanlabs.sandbox.kube.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Mirrors pkg/proxy/types.go ServicePortName and proxier.go's chain-name hashes: one port of one
 * Service, "ns/name:port" (or "ns/name" when the port is unnamed), and the KUBE-SVC-, KUBE-SVL-,
 * KUBE-EXT-, KUBE-FW- and KUBE-SEP- chains named by the first 16 base32 characters of a sha256 of it and the protocol.
 */
record ServicePortName(String namespace, String name, String port, String protocol) {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Override
    public String toString() {
        return namespace + "/" + name + (port == null || port.isEmpty() ? "" : ":" + port);
    }

    String svcChain() {
        return "KUBE-SVC-" + portProtoHash();
    }

    String extChain() {
        return "KUBE-EXT-" + portProtoHash();
    }

    /** The Local traffic policy's chain: only this node's endpoints. */
    String svlChain() {
        return "KUBE-SVL-" + portProtoHash();
    }

    /** The loadBalancerSourceRanges firewall chain. */
    String fwChain() {
        return "KUBE-FW-" + portProtoHash();
    }

    /** servicePortEndpointChainName: the endpoint "ip:port" joins the hashed string. */
    String sepChain(String endpoint) {
        return "KUBE-SEP-" + hash(this + lowerProtocol() + endpoint);
    }

    private String portProtoHash() {
        return hash(this + lowerProtocol());
    }

    private String lowerProtocol() {
        return protocol.toLowerCase(Locale.ROOT);
    }

    /** base32.StdEncoding of sha256, first 16 characters (80 bits, so no padding is involved). */
    static String hash(String input) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder out = new StringBuilder(16);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < 16; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < 16) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }
}
