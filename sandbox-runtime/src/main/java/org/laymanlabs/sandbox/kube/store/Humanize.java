package org.laymanlabs.sandbox.kube.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Mirrors dustin/go-humanize Bytes, which etcdctl uses for DB SIZE: SI units, one decimal below
 * ten. Go's %.0f rounds the exact binary value half to even (20.5 prints as 20), so BigDecimal
 * does the formatting, not String.format.
 */
final class Humanize {

    private static final String[] SIZES = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private Humanize() {
    }

    static String bytes(long size) {
        if (size < 10) {
            return size + " B";
        }
        int exponent = (int) Math.floor(Math.log(size) / Math.log(1000));
        double value = Math.floor(size / Math.pow(1000, exponent) * 10 + 0.5) / 10;
        int decimals = value < 10 ? 1 : 0;
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString() + " " + SIZES[exponent];
    }
}
