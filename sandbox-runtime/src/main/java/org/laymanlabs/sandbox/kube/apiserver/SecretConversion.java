package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mirrors Convert_v1_Secret_To_core_Secret (pkg/apis/core/v1/conversion.go): stringData is a
 * write-only convenience. Each of its values overwrites the data key of the same name (data
 * holds base64, as []byte marshals), and stringData itself is not stored, so a read never
 * shows it and {@code kubectl get secret} counts it under DATA.
 */
final class SecretConversion {

    private SecretConversion() {
    }

    /**
     * Moves {@code secret}'s stringData into its data, in place (the secret is the API server's own
     * copy). What is left is an empty map, as decoding the stored JSON leaves it: the watch cache
     * keeps this object.
     */
    static void mergeStringData(Secret secret) {
        Map<String, String> stringData = secret.getStringData();
        if (stringData == null || stringData.isEmpty()) {
            secret.setStringData(new LinkedHashMap<>());
            return;
        }
        Map<String, String> data = new LinkedHashMap<>(secret.getData() == null ? Map.of() : secret.getData());
        stringData.forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        secret.setData(data);
        secret.setStringData(new LinkedHashMap<>());
    }
}
