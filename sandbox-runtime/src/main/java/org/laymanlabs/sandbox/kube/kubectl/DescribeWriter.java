package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Toleration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirrors kubectl describe's PrefixWriter over tabbedString's tab writer (minimum width 0,
 * padding 2), and the helpers every describer shares: multi-line labels, annotations and
 * tolerations, and Go's RFC 1123 timestamps.
 */
final class DescribeWriter {

    /** time.RFC1123Z as Go formats it: "Thu, 26 Nov 2026 09:00:00 +0000". */
    private static final DateTimeFormatter RFC1123Z = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_ANNOTATION_LENGTH = 140;

    private final TabWriter tab;
    private final StringBuilder raw;

    DescribeWriter() {
        this.tab = new TabWriter(0, 2);
        this.raw = null;
    }

    private DescribeWriter(StringBuilder raw) {
        this.tab = null;
        this.raw = raw;
    }

    /** A PrefixWriter straight onto a buffer, as rollout history's printTemplate uses one. */
    static DescribeWriter raw() {
        return new DescribeWriter(new StringBuilder());
    }

    /** PrefixWriter.Write: two spaces per level, then the text (which carries its own tabs and newlines). */
    void write(int level, String text) {
        if (raw != null) {
            raw.append("  ".repeat(level)).append(text);
        } else {
            tab.write("  ".repeat(level) + text);
        }
    }

    void line(int level, String text) {
        write(level, text + "\n");
    }

    void flush() {
        if (tab != null) {
            tab.flush();
        }
    }

    String render() {
        return raw != null ? raw.toString() : tab.render();
    }

    static String time(String rfc3339) {
        return rfc3339 == null || rfc3339.isEmpty() ? "Mon, 01 Jan 0001 00:00:00 +0000" : RFC1123Z.format(Instant.parse(rfc3339));
    }

    /** printLabelsMultilineWithIndent with no initial indent. */
    void labels(String title, Map<String, String> labels) {
        write(0, title + ":\t");
        if (labels == null || labels.isEmpty()) {
            write(0, "<none>\n");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                write(0, "\t");
            }
            first = false;
            write(0, e.getKey() + "=" + e.getValue() + "\n");
        }
    }

    /** printAnnotationsMultiline: "key: value", long or multi-line values on their own lines, last-applied hidden. */
    void annotations(String title, Map<String, String> annotations) {
        write(0, title + ":\t");
        List<String> keys = annotations == null ? List.of() : annotations.keySet().stream()
                .filter(k -> !k.equals(ApplyCommand.LAST_APPLIED)).sorted().toList();
        if (keys.isEmpty()) {
            write(0, "<none>\n");
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (i != 0) {
                write(0, "\t");
            }
            String key = keys.get(i);
            String value = annotations.get(key);
            if (value.endsWith("\n")) {
                value = value.substring(0, value.length() - 1);
            }
            if (value.length() + key.length() + 2 > MAX_ANNOTATION_LENGTH || value.contains("\n")) {
                write(0, key + ":\n");
                for (String s : value.split("\n", -1)) {
                    write(0, "\t  " + (s.length() > MAX_ANNOTATION_LENGTH - 2 ? s.substring(0, MAX_ANNOTATION_LENGTH - 2) + "..." : s) + "\n");
                }
            } else {
                write(0, key + ": " + value + "\n");
            }
        }
    }

    /** printTolerationsMultilineWithIndent, sorted by key. */
    void tolerations(String title, List<Toleration> tolerations) {
        write(0, title + ":\t");
        if (tolerations.isEmpty()) {
            write(0, "<none>\n");
            return;
        }
        List<Toleration> sorted = new ArrayList<>(tolerations);
        sorted.sort(Comparator.comparing(t -> t.getKey() == null ? "" : t.getKey()));
        for (int i = 0; i < sorted.size(); i++) {
            Toleration t = sorted.get(i);
            if (i != 0) {
                write(0, "\t");
            }
            StringBuilder s = new StringBuilder(t.getKey() == null ? "" : t.getKey());
            boolean hasValue = t.getValue() != null && !t.getValue().isEmpty();
            if (hasValue) {
                s.append('=').append(t.getValue());
            }
            if (t.getEffect() != null && !t.getEffect().isEmpty()) {
                s.append(':').append(t.getEffect());
            }
            if ("Exists".equals(t.getOperator()) && !hasValue) {
                boolean keyOrEffect = (t.getKey() != null && !t.getKey().isEmpty()) || (t.getEffect() != null && !t.getEffect().isEmpty());
                s.append(keyOrEffect ? " op=Exists" : "op=Exists");
            }
            if (t.getTolerationSeconds() != null) {
                s.append(" for ").append(t.getTolerationSeconds()).append('s');
            }
            write(0, s + "\n");
        }
    }

    static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }
}
