package org.laymanlabs.sandbox.kube.proxy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.iptables.RuleCheck;
import org.laymanlabs.sandbox.net.netfilter.Chain;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.TableName;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/proxy/iptables/proxier.go: the kube-proxy of one node in iptables mode. It watches
 * Services and EndpointSlices and, at most once per minSyncPeriod (1 s, kube-proxy's default,
 * as its BoundedFrequencyRunner does), rewrites every KUBE-* chain of the node's netfilter from
 * what the API server holds now, after making sure the jumps into them from the built-in chains
 * exist. Without any change it still syncs once an hour, and at once when the tables were
 * flushed under it (see {@link Canary}).
 */
public final class Proxier {

    static final Duration MIN_SYNC_PERIOD = Duration.ofSeconds(1);
    /** The runner's maxInterval: "time.Hour is arbitrary", since the canary catches flushes. */
    static final Duration MAX_SYNC_INTERVAL = Duration.ofHours(1);

    private final ApiServer api;
    private final String nodeName;
    private final List<String> nodeIps;
    private final String clusterCidr;
    private final Netfilter tables;
    private final VirtualClock clock;
    private final List<ApiWatch> watches = new ArrayList<>();
    private final Canary canary;
    private final Optional<ServiceHealthServer> health;
    private final JumpRules jumps;
    private VirtualClock.Timer pending;
    private VirtualClock.Timer fullSync;
    private Instant lastSync;
    private String lastError = "";

    /**
     * @param clusterCidr the pod network (--cluster-cidr): traffic to a ClusterIP from outside it is masqueraded
     */
    public Proxier(ApiServer api, String nodeName, List<String> nodeIps, String clusterCidr, Netfilter tables,
                   VirtualClock clock) {
        this(api, nodeName, nodeIps, clusterCidr, tables, clock, Optional.empty());
    }

    /**
     * A kube-proxy on the node whose machine is {@code node}, where it also serves the
     * healthCheckNodePorts of Services with externalTrafficPolicy Local.
     */
    public Proxier(ApiServer api, String nodeName, List<String> nodeIps, String clusterCidr, Netfilter tables,
                   VirtualClock clock, NetworkNamespace node) {
        this(api, nodeName, nodeIps, clusterCidr, tables, clock, Optional.of(node));
    }

    private Proxier(ApiServer api, String nodeName, List<String> nodeIps, String clusterCidr, Netfilter tables,
                    VirtualClock clock, Optional<NetworkNamespace> node) {
        this.health = node.map(n -> new ServiceHealthServer(n, clock));
        this.api = Objects.requireNonNull(api, "api");
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.nodeIps = List.copyOf(nodeIps);
        this.clusterCidr = Objects.requireNonNull(clusterCidr, "clusterCidr");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.canary = new Canary(tables, clock, this::syncProxyRules);
        this.jumps = new JumpRules(tables);
    }

    public void start() {
        long from = api.resourceVersion();
        watches.add(api.watch(ApiResources.SERVICES, "", from, e -> requestSync()));
        watches.add(api.watch(ApiResources.ENDPOINT_SLICES, "", from, e -> requestSync()));
        canary.start();
        requestSync();
    }

    public void stop() {
        canary.stop();
        if (fullSync != null) {
            fullSync.cancel();
            fullSync = null;
        }
        health.ifPresent(ServiceHealthServer::stop);
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** The node this proxy serves; its addresses are where NodePorts answer (addrtype LOCAL). */
    public String nodeName() {
        return nodeName;
    }

    public List<String> nodeIps() {
        return nodeIps;
    }

    /** What the last iptables-restore said if it failed, as kube-proxy logs it; empty after a good sync. */
    public String lastError() {
        return lastError;
    }

    private void requestSync() {
        if (pending != null) {
            return;
        }
        Duration wait = lastSync == null ? Duration.ZERO
                : Duration.between(clock.now(), lastSync.plus(MIN_SYNC_PERIOD));
        pending = clock.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> {
            pending = null;
            syncProxyRules();
        });
    }

    /** Rebuilds the whole ruleset from the API server's cache and swaps it in. */
    void syncProxyRules() {
        lastSync = clock.now();
        if (fullSync != null) {
            fullSync.cancel();
        }
        fullSync = clock.schedule(MAX_SYNC_INTERVAL, this::requestSync);
        jumps.ensure();
        List<ServicePort> ports = ServicePorts.of(api.list(Service.class, ""), api.list(EndpointSlice.class, ""), nodeName);
        List<String> existing = tables.table(TableName.NAT).chains().stream().map(Chain::name).toList();
        String rules = ProxyRules.write(clusterCidr, nodeIps.isEmpty() ? "" : nodeIps.get(0), ports, existing);
        CommandResult result = new IptablesRestoreCommand(tables)
                .run(new Invocation(List.of("--noflush", "--counters"), rules, null));
        lastError = result.exitCode() == 0 ? "" : result.stderr();
        health.ifPresent(h -> h.sync(ports));
        if (result.exitCode() != 0) {
            // syncRunner.RetryAfter(syncPeriod): a failed restore is tried again in 30 s.
            fullSync.cancel();
            fullSync = clock.schedule(Canary.SYNC_PERIOD, this::requestSync);
        }
    }

    /**
     * proxier.go iptablesJumpChains, ensured with EnsureChain and EnsureRule(Prepend) outside the
     * restore. When a jump's chain and rule are both there, both commands would change nothing
     * (-N fails with "Chain already exists", -C succeeds), so they are answered from the table.
     */
    static final class JumpRules {

        private final Netfilter tables;
        /** Each jump's -C line as iptables reads it once its chain exists; null until then. */
        private final RuleCheck[] known = new RuleCheck[JUMPS.size()];

        JumpRules(Netfilter tables) {
            this.tables = tables;
        }

        private record Jump(String table, String from, String to, String comment, boolean newOnly) {
        }

        private static final List<Jump> JUMPS = List.of(
                new Jump("filter", "INPUT", "KUBE-EXTERNAL-SERVICES", "kubernetes externally-visible service portals", true),
                new Jump("filter", "FORWARD", "KUBE-EXTERNAL-SERVICES", "kubernetes externally-visible service portals", true),
                new Jump("filter", "INPUT", "KUBE-NODEPORTS", "kubernetes health check service ports", false),
                new Jump("filter", "FORWARD", "KUBE-SERVICES", "kubernetes service portals", true),
                new Jump("filter", "OUTPUT", "KUBE-SERVICES", "kubernetes service portals", true),
                new Jump("filter", "FORWARD", "KUBE-FORWARD", "kubernetes forwarding rules", false),
                new Jump("filter", "INPUT", "KUBE-PROXY-FIREWALL", "kubernetes load balancer firewall", true),
                new Jump("filter", "OUTPUT", "KUBE-PROXY-FIREWALL", "kubernetes load balancer firewall", true),
                new Jump("filter", "FORWARD", "KUBE-PROXY-FIREWALL", "kubernetes load balancer firewall", true),
                new Jump("nat", "OUTPUT", "KUBE-SERVICES", "kubernetes service portals", false),
                new Jump("nat", "PREROUTING", "KUBE-SERVICES", "kubernetes service portals", false),
                new Jump("nat", "POSTROUTING", "KUBE-POSTROUTING", "kubernetes postrouting rules", false));

        void ensure() {
            IptablesCommand iptables = new IptablesCommand(tables);
            List<List<String>> checks = checks();
            for (int i = 0; i < checks.size(); i++) {
                List<String> rule = checks.get(i);
                String to = rule.get(rule.size() - 1);
                if (known[i] != null && tables.table(known[i].table()).chain(to).isPresent() && known[i].holds(tables)) {
                    continue;
                }
                run(iptables, rule.get(0), rule.get(1), "-N", to); // EnsureChain: "already exists" is fine
                if (run(iptables, rule.toArray(String[]::new)).exitCode() != 0) {
                    List<String> insert = new ArrayList<>(rule);
                    insert.set(2, "-I");
                    run(iptables, insert.toArray(String[]::new));
                }
                // Read while its chain exists, so that -j names the chain as it will at every later check.
                known[i] = RuleCheck.parse(rule, tables)
                        .filter(check -> tables.table(check.table()).chain(to).isPresent()).orElse(null);
            }
        }

        /** Each jump as the iptables -C arguments EnsureRule checks with before it prepends (-I) the rule. */
        static List<List<String>> checks() {
            List<List<String>> checks = new ArrayList<>();
            for (Jump jump : JUMPS) {
                List<String> rule = new ArrayList<>(List.of("-t", jump.table(), "-C", jump.from()));
                if (jump.newOnly()) {
                    rule.addAll(List.of("-m", "conntrack", "--ctstate", "NEW"));
                }
                rule.addAll(List.of("-m", "comment", "--comment", jump.comment(), "-j", jump.to()));
                checks.add(rule);
            }
            return checks;
        }

        private static CommandResult run(IptablesCommand iptables, String... args) {
            return iptables.run(new Invocation(List.of(args), "", null));
        }
    }
}
