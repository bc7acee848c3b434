package org.laymanlabs.sandbox.kube.kubectl;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration for the forms kubectl's --timeout takes ("30s", "5m", "1h30m", "0"). */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text) {
        if (text.isEmpty() || text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            double value = Double.parseDouble(m.group(1));
            long millis = (long) (value * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            total = total.plusMillis(millis);
            end = m.end();
        }
        if (end != text.length()) {
            throw KubectlException.error("invalid argument \"" + text + "\" for \"--timeout\" flag: time: invalid duration \"" + text + "\"");
        }
        return total;
    }
}
