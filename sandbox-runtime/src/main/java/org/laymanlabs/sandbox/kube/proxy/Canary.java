package org.laymanlabs.sandbox.kube.proxy;

import java.time.Duration;
import java.util.List;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.TableName;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/util/iptables/iptables.go Monitor as the iptables Proxier runs it: an empty
 * KUBE-PROXY-CANARY chain in mangle, nat and filter, looked at every syncPeriod (30 s, the
 * default --iptables-sync-period); when something flushed the tables and the canary is gone,
 * the chains are made again and the rules are rewritten at once (forceSyncProxyRules).
 */
final class Canary {

    static final String CHAIN = "KUBE-PROXY-CANARY";
    static final Duration SYNC_PERIOD = Duration.ofSeconds(30);
    private static final List<TableName> TABLES = List.of(TableName.MANGLE, TableName.NAT, TableName.FILTER);

    private final Netfilter tables;
    private final VirtualClock clock;
    private final Reload reload;
    private VirtualClock.Timer next;

    /** The proxier's forced resync; kept for the canary's whole life, so serializable. */
    interface Reload extends Runnable, java.io.Serializable {
    }

    Canary(Netfilter tables, VirtualClock clock, Reload reload) {
        this.tables = tables;
        this.clock = clock;
        this.reload = reload;
    }

    void start() {
        create();
        next = clock.schedule(SYNC_PERIOD, this::check);
    }

    void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void check() {
        // Monitor polls the first table only; a flush that took it took the others too.
        if (tables.table(TableName.MANGLE).chain(CHAIN).isEmpty()) {
            create();
            reload.run();
        }
        next = clock.schedule(SYNC_PERIOD, this::check);
    }

    private void create() {
        IptablesCommand iptables = new IptablesCommand(tables);
        for (TableName table : TABLES) {
            iptables.run(new Invocation(List.of("-t", table.keyword(), "-N", CHAIN), "", null));
        }
    }
}
