package org.laymanlabs.sandbox.net.iptables;

import java.util.List;
import java.util.Set;

/**
 * generic_opt_check() with the commands_v_options table of iptables/xshared.c: which of
 * -n -s -d -p -j -v -x -i -o --line-numbers -c each command refuses.
 */
final class OptionCheck {

    private static final List<String> RULE_PARTS = List.of("-s", "-d", "-p", "-j", "-i", "-o");

    private final Operation operation;
    private final Set<String> given;

    OptionCheck(Operation operation, Set<String> given) {
        this.operation = operation;
        this.given = given;
    }

    void check() {
        for (String option : List.of("-n", "-s", "-d", "-p", "-j", "-v", "-x", "-i", "-o", "--line-numbers", "-c")) {
            if (given.contains(option) && illegal(option)) {
                throw IptablesError.parameter("Illegal option `" + option + "' with this command\n");
            }
        }
    }

    private boolean illegal(String option) {
        if (option.equals("-v")) {
            return false;
        }
        return switch (operation) {
            case APPEND, INSERT, REPLACE -> Set.of("-n", "-x", "--line-numbers").contains(option);
            case DELETE, CHECK -> Set.of("-n", "-x", "--line-numbers", "-c").contains(option);
            case LIST -> RULE_PARTS.contains(option) || option.equals("-c");
            case SET_POLICY -> !option.equals("-c");
            default -> true;
        };
    }
}
