package org.laymanlabs.sandbox.container;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Mirrors moby pkg/stringid GenerateRandomID: 32 random bytes as 64 hex digits, drawn again when
 * the 12-digit short form would be all digits (it could be mistaken for a number). Seeded, so a
 * sandbox replays the same IDs.
 */
public final class RandomIds {

    private final RandomGenerator random;

    public RandomIds(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        while (true) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!id.substring(0, 12).matches("[0-9]+")) {
                return id;
            }
        }
    }
}
