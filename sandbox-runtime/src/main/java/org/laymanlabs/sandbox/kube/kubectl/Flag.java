package org.laymanlabs.sandbox.kube.kubectl;

/**
 * One kubectl option as pflag defines it.
 *
 * @param shorthand    the one-letter form, or 0
 * @param defaultValue the value when the flag is not given
 */
record Flag(String name, char shorthand, Kind kind, String defaultValue) {

    /** pflag's value types that kubectl's commands use. */
    enum Kind { BOOL, STRING, INT, STRING_ARRAY, OPTIONAL_STRING }

    static Flag bool(String name, char shorthand) {
        return new Flag(name, shorthand, Kind.BOOL, "false");
    }

    static Flag bool(String name, boolean defaultValue) {
        return new Flag(name, '\0', Kind.BOOL, Boolean.toString(defaultValue));
    }

    static Flag string(String name, char shorthand, String defaultValue) {
        return new Flag(name, shorthand, Kind.STRING, defaultValue);
    }

    static Flag string(String name) {
        return new Flag(name, '\0', Kind.STRING, "");
    }

    static Flag integer(String name, char shorthand, int defaultValue) {
        return new Flag(name, shorthand, Kind.INT, Integer.toString(defaultValue));
    }

    /** A string flag that may be given bare ({@code --validate}), meaning its default (pflag's NoOptDefVal). */
    static Flag optional(String name, String defaultValue) {
        return new Flag(name, '\0', Kind.OPTIONAL_STRING, defaultValue);
    }

    static Flag array(String name, char shorthand) {
        return new Flag(name, shorthand, Kind.STRING_ARRAY, "");
    }

    /** {@code -A, --all-namespaces} or {@code --show-labels}, as pflag names a flag in errors. */
    String displayName() {
        return (shorthand != 0 ? "-" + shorthand + ", " : "") + "--" + name;
    }
}
