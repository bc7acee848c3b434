package org.laymanlabs.bench;

import java.util.Arrays;

/**
 * One figure's measurements, one value per operation, in the unit the figure is reported in.
 * Percentiles are nearest-rank, as JMH's sample mode reports them.
 */
record Samples(double[] values) {

    Samples {
        values = values.clone();
        Arrays.sort(values);
        if (values.length == 0) {
            throw new IllegalArgumentException("a figure needs at least one sample");
        }
    }

    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    int count() {
        return values.length;
    }
}
