package org.laymanlabs.sandbox.kube.kubectl;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Mirrors k8s.io/apimachinery/pkg/util/duration: HumanDuration, the AGE column's two or three
 * significant figures ({@code 5s}, {@code 3m20s}, {@code 2d3h}), and ShortHumanDuration.
 */
final class Age {

    private Age() {
    }

    /** translateTimestampSince: {@code <unknown>} for a missing timestamp. */
    static String since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isEmpty()) {
            return "<unknown>";
        }
        try {
            return human(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = hours / 24 % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    static String shortHuman(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60) {
            return seconds + "s";
        } else if (seconds / 60 < 60) {
            return seconds / 60 + "m";
        } else if (seconds / 3600 < 24) {
            return seconds / 3600 + "h";
        } else if (seconds / 3600 < 24 * 365) {
            return seconds / 3600 / 24 + "d";
        }
        return seconds / 3600 / 24 / 365 + "y";
    }
}
