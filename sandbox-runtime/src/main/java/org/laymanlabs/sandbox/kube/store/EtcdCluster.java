package org.laymanlabs.sandbox.kube.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The sandbox's etcd: members replicated by Raft over a simulated network, all on the sandbox's
 * virtual clock, so a learner can stop the leader and watch the others elect a new one. Clients
 * reach it through {@link #client()}; the UI reads {@link #members()}; labs break it with
 * {@link #stop}, {@link #partition} and {@link #start}.
 */
public final class EtcdCluster {

    private static final Duration STEP = Duration.ofMillis(10);

    private final VirtualClock clock;
    private final EtcdClusterSpec spec;
    private final PeerNetwork network;
    private final Map<String, EtcdMember> members = new LinkedHashMap<>();
    private final long clusterId;

    private EtcdCluster(VirtualClock clock, RandomGenerator random, EtcdClusterSpec spec) {
        this.clock = clock;
        this.spec = spec;
        this.network = new PeerNetwork(clock, spec.networkDelay());
        List<EtcdCommand.AddMember> bootstrap = new ArrayList<>();
        for (MemberSpec member : spec.members()) {
            long id = memberId(member.peerUrl(), spec.token());
            bootstrap.add(new EtcdCommand.AddMember(id, member.peerUrl()));
            EtcdMember etcd = new EtcdMember(this, id, members.size(), member, new SplittableRandom(random.nextLong()));
            members.put(member.name(), etcd);
            network.attach(etcd);
        }
        this.clusterId = clusterId(bootstrap.stream().map(EtcdCommand.AddMember::memberId).toList());
        members.values().forEach(m -> m.bootstrap(bootstrap));
        members.values().forEach(EtcdMember::start);
    }

    /** Three members with etcd's default timing; they elect a leader within about a second of virtual time. */
    public static EtcdCluster start(VirtualClock clock, RandomGenerator random) {
        return start(clock, random, EtcdClusterSpec.threeMembers());
    }

    public static EtcdCluster start(VirtualClock clock, RandomGenerator random, EtcdClusterSpec spec) {
        return new EtcdCluster(clock, random, spec);
    }

    /** A client of every member's client URL, with a 60 s deadline per request. */
    public EtcdClient client() {
        return client(members.values().stream().map(m -> m.spec().clientUrl()).toList());
    }

    public EtcdClient client(List<String> endpoints) {
        return new EtcdClient(this, endpoints, Duration.ofSeconds(60));
    }

    /** Kills a member's process; its disk is kept. */
    public void stop(String name) {
        member(name, "stop").stop();
    }

    /** Restarts a stopped member from its disk; it catches up from the leader. */
    public void start(String name) {
        member(name, "start").start();
    }

    /** Splits the peer network: members in the same group can talk; members in no group are alone. */
    @SafeVarargs
    public final void partition(Set<String>... groups) {
        List<Set<Long>> ids = new ArrayList<>();
        for (Set<String> group : groups) {
            ids.add(Set.copyOf(group.stream().map(n -> member(n, "partition").id()).toList()));
        }
        network.partition(ids);
    }

    /** Cuts one member off from all the others. */
    public void isolate(String name) {
        partition(members.keySet().stream().filter(n -> !n.equals(name)).collect(java.util.stream.Collectors.toSet()));
    }

    public void heal() {
        network.heal();
    }

    public void setNetworkDelay(Duration delay) {
        network.setDelay(delay);
    }

    public List<MemberView> members() {
        return members.values().stream().map(EtcdMember::view).toList();
    }

    public MemberView member(String name) {
        return member(name, "view").view();
    }

    /** The running member that is leader, if any (a cut-off old leader may still think it leads). */
    public Optional<MemberView> leader() {
        return members().stream().filter(MemberView::isLeader).max(java.util.Comparator.comparingLong(MemberView::term));
    }

    /** Advances the virtual clock in small steps until {@code done} holds or {@code max} has passed. */
    public boolean runUntil(BooleanSupplier done, Duration max) {
        Duration waited = Duration.ZERO;
        while (!done.getAsBoolean() && waited.compareTo(max) < 0) {
            clock.advance(STEP);
            waited = waited.plus(STEP);
        }
        return done.getAsBoolean();
    }

    /**
     * Advances the clock until the call completes (it always does, by its deadline at the latest)
     * and returns its response or throws its {@link EtcdException}. Not for use inside a clock timer.
     */
    public <T> T await(Call<T> call) {
        runUntil(call::isDone, Duration.ofHours(1));
        return call.get();
    }

    public long clusterId() {
        return clusterId;
    }

    public VirtualClock clock() {
        return clock;
    }

    EtcdClusterSpec spec() {
        return spec;
    }

    PeerNetwork network() {
        return network;
    }

    List<Long> memberIds() {
        return members.values().stream().map(EtcdMember::id).toList();
    }

    Optional<String> nameOf(long id) {
        return members.values().stream().filter(m -> m.id() == id).map(m -> m.spec().name()).findFirst();
    }

    List<EtcdMember> memberList() {
        return List.copyOf(members.values());
    }

    /** The member serving a client endpoint, given as a URL or as host:port. */
    Optional<EtcdMember> memberAt(String endpoint) {
        String bare = withoutScheme(endpoint);
        for (EtcdMember m : members.values()) {
            if (withoutScheme(m.spec().clientUrl()).equals(bare)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** {@code url.replaceFirst("^[a-z]+://", "")} without compiling the pattern on every request to etcd. */
    static String withoutScheme(String url) {
        int colon = url.indexOf("://");
        if (colon <= 0) {
            return url;
        }
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            if (c < 'a' || c > 'z') {
                return url;
            }
        }
        return url.substring(colon + 3);
    }

    EtcdMember memberNamed(String name) {
        return member(name, "find");
    }

    private EtcdMember member(String name, String action) {
        EtcdMember member = members.get(name);
        if (member == null) {
            throw new NoSuchElementException("cannot " + action + " member " + name + ": the members are " + members.keySet());
        }
        return member;
    }

    /** etcd's membership.NewMember: the first 8 bytes of SHA-1(peer URLs + cluster token). */
    static long memberId(String peerUrl, String token) {
        return firstLong(sha1((peerUrl + token).getBytes(StandardCharsets.UTF_8)));
    }

    /** etcd's RaftCluster.genID: the first 8 bytes of SHA-1 over the sorted member IDs, big-endian. */
    static long clusterId(List<Long> memberIds) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * memberIds.size());
        memberIds.stream().sorted(Long::compareUnsigned).forEach(buffer::putLong);
        return firstLong(sha1(buffer.array()));
    }

    private static long firstLong(byte[] hash) {
        return ByteBuffer.wrap(hash, 0, 8).getLong();
    }

    private static byte[] sha1(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
