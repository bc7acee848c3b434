package org.laymanlabs.sandbox.image.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time layouts the engine and the CLI print, with Go's rules (a fraction without trailing zeros, "UTC" spelled as Go spells it). */
public final class GoTime {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STRING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The zero {@code time.Time}, as {@code docker inspect} prints a LastTagTime that was never set. */
    public static final String ZERO = "0001-01-01T00:00:00Z";

    private GoTime() {
    }

    /** {@code time.RFC3339Nano}: {@code 2025-05-28T01:49:01.5Z}. */
    public static String rfc3339Nano(Instant instant) {
        String fraction = "";
        if (instant.getNano() != 0) {
            fraction = "." + String.format("%09d", instant.getNano()).replaceAll("0+$", "");
        }
        return SECONDS.format(instant) + fraction + "Z";
    }

    /** {@code time.RFC3339}: whole seconds. */
    public static String rfc3339(Instant instant) {
        return SECONDS.format(instant) + "Z";
    }

    /** {@code time.Time.String()} in UTC, as {@code docker images --format '{{.CreatedAt}}'} shows. */
    public static String string(Instant instant) {
        return STRING.format(instant) + " +0000 UTC";
    }
}
