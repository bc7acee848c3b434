package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;

/**
 * The option parser of one match or target extension, as a libxt_NAME.c contributes it to
 * iptables' command line once {@code -m NAME} or {@code -j NAME} has loaded it.
 */
abstract class ExtensionParser {

    private final String name;
    private final Set<String> options;

    ExtensionParser(String name, Set<String> options) {
        this.name = name;
        this.options = options;
    }

    String name() {
        return name;
    }

    /** Whether {@code --option} belongs to this extension. */
    boolean takes(String option) {
        return options.contains(option);
    }

    /** Parses one option; {@code inverted} is true when a lone "!" came before it. */
    abstract void parse(String option, Arguments args, boolean inverted);

    /** xtables_option_parse(): options without XTOPT_INVERT refuse a preceding "!". */
    void refuseInversion(String option, boolean inverted) {
        if (inverted) {
            throw IptablesError.parameter(name + ": option \"--" + option + "\" cannot be inverted.\n");
        }
    }

    IptablesError missing(String option) {
        return IptablesError.parameter(name + ": option \"--" + option + "\" must be specified\n");
    }

    IptablesError badValue(String option, String value) {
        return IptablesError.parameter(name + ": Bad value for \"--" + option + "\" option: \"" + value + "\"");
    }

    /** strtoul(value, NULL, 0) limited to 32 bits: decimal, 0x hex or 0 octal. */
    long unsigned32(String option, String value) {
        try {
            long parsed;
            if (value.startsWith("0x") || value.startsWith("0X")) {
                parsed = Long.parseLong(value.substring(2), 16);
            } else if (value.length() > 1 && value.startsWith("0")) {
                parsed = Long.parseLong(value.substring(1), 8);
            } else {
                parsed = Long.parseLong(value);
            }
            if (parsed < 0 || parsed > 0xFFFFFFFFL) {
                throw badValue(option, value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw badValue(option, value);
        }
    }
}
