package org.laymanlabs.sandbox.net.netfilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesSaveCommand;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A test stand-in for the network model: one namespace with devices and routes, which walks a
 * packet through the hooks in the order the kernel's IPv4 path does (ip_rcv → PREROUTING →
 * routing → INPUT or FORWARD → POSTROUTING; local output → OUTPUT → POSTROUTING).
 */
final class NodeNamespace {

    /** Where a packet ended up: its verdict, its header as it left, the device it left by (or "local"). */
    record Delivery(Verdict verdict, PacketHeader header, String device, List<TraceEntry> trace, Packet packet) {

        List<String> chainsWalked() {
            return trace.stream().filter(TraceEntry::isRule)
                    .map(e -> e.table().keyword() + ":" + e.chain() + ":" + e.verdict()).collect(Collectors.toList());
        }
    }

    private record Route(String device, Ipv4Address deviceAddress) {
    }

    final VirtualClock clock = new VirtualClock(Instant.parse("2025-01-02T03:04:05Z"));
    final Netfilter netfilter;
    private final Map<Cidr, Route> routes = new LinkedHashMap<>();
    private final Set<Ipv4Address> local;

    NodeNamespace(long seed, String... localAddresses) {
        netfilter = new Netfilter(clock, new SplittableRandom(seed));
        local = Set.of(localAddresses).stream().map(Ipv4Address::parse).collect(Collectors.toSet());
    }

    NodeNamespace route(String cidr, String device, String deviceAddress) {
        routes.put(Cidr.parse(cidr), new Route(device, Ipv4Address.parse(deviceAddress)));
        return this;
    }

    void restore(String rules) {
        CommandResult result = new IptablesRestoreCommand(netfilter)
                .run(new Invocation(List.of("--noflush"), rules, null));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.stderr());
        }
    }

    CommandResult iptables(String... args) {
        return new IptablesCommand(netfilter).run(new Invocation(List.of(args), "", null));
    }

    String save(String... args) {
        return new IptablesSaveCommand(netfilter).run(new Invocation(List.of(args), "", null)).stdout();
    }

    /** A packet arriving on {@code device}. */
    Delivery receive(PacketHeader header, String device) {
        Packet packet = Packet.of(header).arrivingOn(device).withLocalAddresses(local);
        return receive(packet);
    }

    Delivery receive(Packet packet) {
        List<TraceEntry> trace = new ArrayList<>();
        HookResult pre = step(Hook.PREROUTING, packet, trace);
        if (!pre.accepted()) {
            return done(pre, "", trace);
        }
        Ipv4Address destination = pre.packet().header().destination();
        if (local.contains(destination) || destination.isLoopback()) {
            return done(step(Hook.INPUT, pre.packet(), trace), "local", trace);
        }
        Route route = routeTo(destination);
        Packet routed = pre.packet().leavingOn(route.device(), route.deviceAddress());
        HookResult forward = step(Hook.FORWARD, routed, trace);
        if (!forward.accepted()) {
            return done(forward, route.device(), trace);
        }
        return done(step(Hook.POSTROUTING, forward.packet(), trace), route.device(), trace);
    }

    /** A packet the namespace itself sends, e.g. from a process on the node. */
    Delivery send(PacketHeader header) {
        List<TraceEntry> trace = new ArrayList<>();
        Route first = routeTo(header.destination());
        Packet packet = Packet.of(header).withLocalAddresses(local).leavingOn(first.device(), first.deviceAddress());
        HookResult output = step(Hook.OUTPUT, packet, trace);
        if (!output.accepted()) {
            return done(output, first.device(), trace);
        }
        Route route = routeTo(output.packet().header().destination());
        Packet rerouted = output.packet().leavingOn(route.device(), route.deviceAddress());
        return done(step(Hook.POSTROUTING, rerouted, trace), route.device(), trace);
    }

    private HookResult step(Hook hook, Packet packet, List<TraceEntry> trace) {
        HookResult result = netfilter.hook(hook, packet);
        trace.addAll(result.trace());
        return result;
    }

    private Route routeTo(Ipv4Address destination) {
        return routes.entrySet().stream()
                .filter(e -> e.getKey().contains(destination))
                .max((a, b) -> Integer.compare(a.getKey().prefixLength(), b.getKey().prefixLength()))
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("no route to " + destination));
    }

    private static Delivery done(HookResult result, String device, List<TraceEntry> trace) {
        return new Delivery(result.verdict(), result.packet().header(), device, trace, result.packet());
    }
}
