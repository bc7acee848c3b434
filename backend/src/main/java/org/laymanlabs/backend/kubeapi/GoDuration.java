package org.laymanlabs.backend.kubeapi;

import java.math.BigDecimal;

/** Mirrors Go's time.Duration.String, which metav1.Duration's JSON is: "1h2m3.5s", "500ms", "0s". */
final class GoDuration {

    private GoDuration() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long d = Math.abs(nanos);
        if (d < 1_000) {
            return sign + d + "ns";
        }
        if (d < 1_000_000) {
            return sign + decimal(d, 3) + "µs";
        }
        if (d < 1_000_000_000) {
            return sign + decimal(d, 6) + "ms";
        }
        long hours = d / 3_600_000_000_000L;
        long minutes = d / 60_000_000_000L % 60;
        String seconds = decimal(d % 60_000_000_000L, 9) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return sign + (minutes > 0 ? minutes + "m" : "") + seconds;
    }

    /** {@code value / 10^scale} with no trailing zeros, as Go prints fractions. */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
