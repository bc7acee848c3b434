package org.laymanlabs.sandbox.docker;

/**
 * One command-line option, as pflag defines it.
 *
 * @param shorthand    the one-letter form, or 0 if none
 * @param valueName    what {@code --help} shows after a valued flag ({@code string}, {@code filter}); null for a boolean
 * @param defaultValue the value when not given ({@code "false"} for most booleans)
 */
public record Flag(String name, char shorthand, String valueName, String defaultValue, String usage) {

    public static Flag bool(String name, char shorthand, String usage) {
        return new Flag(name, shorthand, null, "false", usage);
    }

    public static Flag bool(String name, char shorthand, boolean defaultValue, String usage) {
        return new Flag(name, shorthand, null, Boolean.toString(defaultValue), usage);
    }

    public static Flag string(String name, char shorthand, String usage) {
        return new Flag(name, shorthand, "string", "", usage);
    }

    public static Flag valued(String name, char shorthand, String valueName, String usage) {
        return new Flag(name, shorthand, valueName, "", usage);
    }

    boolean isBool() {
        return valueName == null;
    }

    /** {@code -a, --all} or {@code --all}, as pflag names a flag in errors. */
    String displayName() {
        return (shorthand != 0 ? "-" + shorthand + ", " : "") + "--" + name;
    }

    /** docker/cli's FormatHelp, the usage every {@code --format} flag shares. */
    public static Flag format() {
        return string("format", '\0', "Format output using a custom template:\n"
                + "'table':            Print output in table format with column headers (default)\n"
                + "'table TEMPLATE':   Print output in table format using the given Go template\n"
                + "'json':             Print in JSON format\n"
                + "'TEMPLATE':         Print output using the given Go template.\n"
                + "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates");
    }
}
