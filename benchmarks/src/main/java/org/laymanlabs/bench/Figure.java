package org.laymanlabs.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * One line of the published table: what was measured, its median and 99th percentile in a unit,
 * the median CPU time of the measuring thread where that was taken (NaN otherwise), how many
 * samples they come from, and the goal an issue sets for it, if any.
 */
record Figure(String what, double median, double p99, String unit, double cpuMillis, int samples, Optional<Goal> goal) {

    /** A goal for the median: a ceiling (at most the limit) or a floor (at least the limit). */
    record Goal(double limit, boolean ceiling) {

        boolean metBy(double median) {
            return ceiling ? median <= limit : median >= limit;
        }

        /** How far the median is on the wrong side of the limit, as a percentage of the limit. */
        double missedByPercent(double median) {
            return Math.abs(median - limit) / limit * 100;
        }
    }

    static Figure of(String what, Samples samples, String unit) {
        return new Figure(what, samples.median(), samples.p99(), unit, Double.NaN, samples.count(), Optional.empty());
    }

    /** The wall time of an operation, with its median CPU time beside it. */
    static Figure wall(String what, Sampler.Measured measured) {
        return new Figure(what, measured.wallMillis().median(), measured.wallMillis().p99(), "ms",
                measured.cpuMillis().median(), measured.wallMillis().count(), Optional.empty());
    }

    Figure atMost(double limit) {
        return new Figure(what, median, p99, unit, cpuMillis, samples, Optional.of(new Goal(limit, true)));
    }

    Figure atLeast(double limit) {
        return new Figure(what, median, p99, unit, cpuMillis, samples, Optional.of(new Goal(limit, false)));
    }

    boolean missed() {
        return goal.map(g -> !g.metBy(median)).orElse(false);
    }

    String row() {
        String goalText = goal.map(g -> (g.ceiling() ? "≤ " : "≥ ") + format(g.limit())).orElse("");
        String verdict = goal.map(g -> g.metBy(median) ? "met"
                : String.format(Locale.ROOT, "**missed by %.0f%%**", g.missedByPercent(median))).orElse("");
        String cpu = Double.isNaN(cpuMillis) ? "" : String.format(Locale.ROOT, cpuMillis >= 10 ? "%.1f ms" : "%.2f ms", cpuMillis);
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %,d | %s | %s |", what, format(median), format(p99), cpu,
                samples, goalText, verdict);
    }

    String format(double value) {
        if (unit.equals("B")) {
            return bytes(value);
        }
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }

    private static String bytes(double value) {
        if (value >= 1 << 20) {
            return String.format(Locale.ROOT, "%.2f MB", value / (1 << 20));
        }
        return value >= 1 << 10 ? String.format(Locale.ROOT, "%.0f KB", value / (1 << 10))
                : String.format(Locale.ROOT, "%.0f B", value);
    }
}
