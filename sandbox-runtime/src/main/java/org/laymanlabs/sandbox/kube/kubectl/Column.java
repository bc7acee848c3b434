package org.laymanlabs.sandbox.kube.kubectl;

/**
 * A TableColumnDefinition as the server's printer declares it: its name, printed upper-case, and
 * whether it has priority 1 (shown only with {@code -o wide}).
 */
record Column(String name, boolean wide) {

    static Column of(String name) {
        return new Column(name, false);
    }

    static Column wide(String name) {
        return new Column(name, true);
    }

    String header() {
        return name.toUpperCase(java.util.Locale.ROOT);
    }
}
