package org.laymanlabs.sandbox.net.iptables;

import org.laymanlabs.sandbox.net.netfilter.Rule;
import org.laymanlabs.sandbox.net.netfilter.TableName;

/**
 * One iptables command line, parsed and checked: what to do, to which table and chain, with
 * which rule, and how to show the answer.
 *
 * @param chain      null when the command applies to every chain
 * @param ruleNumber 1-based, or 0 when none was given
 * @param argument   the policy of -P, or the new name of -E
 */
record ParsedCommand(Operation operation, TableName table, String chain, int ruleNumber, Rule rule,
                     String argument, ListFormat format, long packets, long bytes) {

    /** The display flags: -n, -v, -x and --line-numbers. */
    record ListFormat(boolean numeric, boolean verbose, boolean exact, boolean lineNumbers) {
    }
}
