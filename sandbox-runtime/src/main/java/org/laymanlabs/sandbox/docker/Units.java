package org.laymanlabs.sandbox.docker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Human sizes and durations exactly as the CLI prints them. Mirrors docker/go-units size.go
 * (HumanSize, HumanSizeWithPrecision: decimal units, Go's {@code %.*g}, so 999.9kB prints
 * {@code 1e+03kB} as in Docker) and duration.go (HumanDuration).
 */
public final class Units {

    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private Units() {
    }

    /** Four significant digits: {@code 207.4MB}, as {@code docker system df}. */
    public static String humanSize(double size) {
        return humanSizeWithPrecision(size, 4);
    }

    /** As {@code docker images} and {@code docker history} (precision 3): {@code 192MB}, {@code 8.31MB}, {@code 36B}. */
    public static String humanSizeWithPrecision(double size, int precision) {
        int unit = 0;
        while (size >= 1000.0 && unit < DECIMAL.length - 1) {
            size /= 1000.0;
            unit++;
        }
        return formatG(size, precision) + DECIMAL[unit];
    }

    /** Go's {@code strconv.FormatFloat(v, 'g', precision, 64)} for non-negative values. */
    static String formatG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        int pointAt = digits.length() - rounded.scale();
        int exponent = pointAt - 1;
        int eprec = precision;
        if (eprec > digits.length() && digits.length() >= pointAt) {
            eprec = digits.length();
        }
        if (exponent < -4 || exponent >= eprec) {
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return rounded.toPlainString();
    }

    /** {@code About a minute}, {@code 3 weeks}, {@code 2 years}: add " ago" for a creation time. */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        double exactHours = d.toNanos() / 3_600_000_000_000.0;
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = (long) (exactHours + 0.5);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return (long) exactHours / 24 / 365 + " years";
    }
}
