package org.laymanlabs.sandbox.net.iptables;

import org.laymanlabs.sandbox.net.netfilter.Errno;
import org.laymanlabs.sandbox.net.netfilter.NetfilterException;
import org.laymanlabs.sandbox.net.netfilter.Policy;
import org.laymanlabs.sandbox.net.netfilter.Table;

/**
 * Applies one changing command to a working copy of a table, and turns the kernel's refusal
 * into iptables' words: nft_strerror() for errors found while preparing the batch, and
 * mnl_append_error()'s "RULE_APPEND failed (…)" for those the kernel returns from it (iptables/nft.c).
 */
final class RulesetChange {

    private RulesetChange() {
    }

    static void apply(Table work, ParsedCommand command) {
        String chain = command.chain();
        try {
            switch (command.operation()) {
                case APPEND -> work.append(chain, command.rule(), command.packets(), command.bytes());
                case INSERT -> work.insert(chain, command.ruleNumber(), command.rule(), command.packets(), command.bytes());
                case REPLACE -> work.replace(chain, command.ruleNumber(), command.rule(), command.packets(), command.bytes());
                case DELETE -> work.delete(chain, command.rule());
                case DELETE_NUM -> work.delete(chain, command.ruleNumber());
                case FLUSH -> work.flush(chain);
                case ZERO -> work.zero(chain);
                case NEW_CHAIN -> work.newChain(chain);
                case DELETE_CHAIN -> deleteChain(work, chain);
                case RENAME_CHAIN -> work.renameChain(chain, command.argument());
                case SET_POLICY -> setPolicy(work, command);
                default -> throw new IllegalArgumentException(command.operation() + " does not change a table");
            }
        } catch (NetfilterException refused) {
            throw translate(command, refused);
        }
    }

    private static void deleteChain(Table work, String chain) {
        if (chain == null) {
            work.deleteUserChains();
        } else {
            work.deleteChain(chain);
        }
    }

    private static void setPolicy(Table work, ParsedCommand command) {
        Policy policy;
        try {
            policy = Policy.valueOf(command.argument());
        } catch (IllegalArgumentException e) {
            throw IptablesError.kernel("Bad policy name. Run `dmesg' for more information", Errno.EINVAL);
        }
        work.setPolicy(command.chain(), policy, command.packets(), command.bytes());
    }

    private static IptablesError translate(ParsedCommand command, NetfilterException refused) {
        Errno errno = refused.errno();
        String chain = command.chain();
        return switch (errno) {
            case ELOOP, EINVAL, EOPNOTSUPP, ENOMEM -> IptablesError.batch(batchName(command.operation()), errno, "rule in chain " + chain);
            case EBUSY -> IptablesError.batch("CHAIN_DEL", errno, refused.object());
            case EEXIST -> IptablesError.kernel(command.operation() == Operation.RENAME_CHAIN ? "File exists" : "Chain already exists", errno);
            // nft reports a too-large index as a missing rule, except for an insertion.
            case E2BIG -> IptablesError.kernel(command.operation() == Operation.INSERT
                    ? "Index of insertion too big" : "No chain/target/match by that name", errno);
            case ENOENT -> IptablesError.kernel(switch (command.operation()) {
                case DELETE, CHECK -> "Bad rule (does a matching rule exist in that chain?)";
                case SET_POLICY -> "Bad built-in chain name";
                default -> "No chain/target/match by that name";
            }, errno);
        };
    }

    private static String batchName(Operation operation) {
        return switch (operation) {
            case INSERT -> "RULE_INSERT";
            case REPLACE -> "RULE_REPLACE";
            default -> "RULE_APPEND";
        };
    }
}
