package org.laymanlabs.sandbox.net.netfilter;

import java.util.EnumSet;
import java.util.Set;

/**
 * The table and hook restrictions x_tables puts on target extensions (xt_check_target in
 * net/netfilter/x_tables.c): NAT targets only in the nat table and at their hooks, REJECT only
 * on the INPUT, FORWARD and OUTPUT paths, TRACE only in raw. Violations are EINVAL.
 */
final class TargetCheck {

    private final TableName table;
    private final Chain chain;

    TargetCheck(TableName table, Chain chain) {
        this.table = table;
        this.chain = chain;
    }

    void check(Target target) {
        if (target instanceof DnatTarget) {
            require(TableName.NAT, EnumSet.of(Hook.PREROUTING, Hook.OUTPUT), target);
        } else if (target instanceof SnatTarget) {
            require(TableName.NAT, EnumSet.of(Hook.INPUT, Hook.POSTROUTING), target);
        } else if (target instanceof MasqueradeTarget) {
            require(TableName.NAT, EnumSet.of(Hook.POSTROUTING), target);
        } else if (target instanceof RejectTarget) {
            require(table, EnumSet.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT), target);
        } else if (target instanceof TraceTarget) {
            require(TableName.RAW, EnumSet.allOf(Hook.class), target);
        }
    }

    /** User chains are checked by the table only; the kernel checks their hooks once they are reachable. */
    private void require(TableName allowedTable, Set<Hook> allowedHooks, Target target) {
        if (table != allowedTable) {
            throw new NetfilterException(Errno.EINVAL, target.name() + " target only valid in " + allowedTable.keyword());
        }
        if (chain.builtin() && !allowedHooks.contains(Hook.valueOf(chain.name()))) {
            throw new NetfilterException(Errno.EINVAL, target.name() + " target not usable from " + chain.name());
        }
    }
}
