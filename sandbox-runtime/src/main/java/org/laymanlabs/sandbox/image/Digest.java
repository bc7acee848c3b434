package org.laymanlabs.sandbox.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content address, {@code sha256:<64 hex>}, as go-digest spells it. Image IDs, diffIDs, chain
 * IDs and manifest digests are all digests.
 */
public record Digest(String hex) {

    private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");

    public Digest {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
        }
    }

    public static Digest sha256(byte[] content) {
        try {
            return new Digest(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static Digest sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses {@code sha256:<hex>}. */
    public static Digest parse(String text) {
        if (!text.startsWith("sha256:")) {
            throw new IllegalArgumentException("not a sha256 digest: " + text);
        }
        return new Digest(text.substring("sha256:".length()));
    }

    /** The 12 hex characters the CLI shows, as moby's stringid.TruncateID. */
    public String shortId() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
