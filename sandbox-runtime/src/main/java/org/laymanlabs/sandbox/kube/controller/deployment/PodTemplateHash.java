package org.laymanlabs.sandbox.kube.controller.deployment;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import org.laymanlabs.sandbox.kube.api.Codec;

/**
 * Mirrors controller.ComputeHash and rand.SafeEncodeString: the pod-template-hash that names a
 * Deployment's ReplicaSets ({@code web-7d4b9c8f6d}). FNV-32a over the template (here its
 * canonical JSON, where Go hashes the struct), printed in decimal, each digit mapped into an
 * alphabet with no vowels, so the same template always gives the same name.
 */
final class PodTemplateHash {

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private PodTemplateHash() {
    }

    static String of(PodTemplateSpec template, Integer collisionCount) {
        int hash = 0x811c9dc5;
        String canonical = Codec.shared().toStorage(template);
        for (byte b : canonical.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        if (collisionCount != null) {
            for (int i = 0; i < 4; i++) {
                hash ^= (collisionCount >>> (8 * i)) & 0xff;
                hash *= 0x01000193;
            }
        }
        String decimal = Integer.toUnsignedString(hash);
        StringBuilder encoded = new StringBuilder();
        for (char c : decimal.toCharArray()) {
            encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
        }
        return encoded.toString();
    }
}
