package org.laymanlabs.sandbox.image;

import java.nio.charset.StandardCharsets;

/**
 * An image as a registry serves it: the schema 2 manifest JSON and its digest, which is what
 * {@code name@sha256:…} repository digests name.
 */
public record Manifest(Image image, String json, Digest digest) {

    public static Manifest of(Image image) {
        String json = ImageJson.manifest(image);
        return new Manifest(image, json, Digest.sha256(json));
    }

    /** Its size in bytes, as {@code docker push} reports it. */
    public int size() {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
