package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("A chain's index")
class ChainIndexTest {

    @Nested
    @DisplayName("on its own")
    class OnItsOwn {

        private final Netfilter netfilter = new Netfilter(new VirtualClock(Instant.EPOCH), new SplittableRandom(1));

        @Test
        void leavesOutOnlyRulesThatWouldFailBeforeAnythingWithASideEffect() {
            SplittableRandom random = new SplittableRandom(20261126);
            for (int round = 0; round < 400; round++) {
                List<InstalledRule> rules = IntStream.range(0, 8 + random.nextInt(30))
                        .mapToObj(i -> new InstalledRule(randomRule(random), 0, 0)).toList();
                ChainIndex index = ChainIndex.of(rules);
                for (int p = 0; p < 20; p++) {
                    Packet packet = randomPacket(random);
                    List<Integer> candidates = all(index.candidates(packet));
                    assertThat(candidates).isSorted().doesNotHaveDuplicates();
                    for (int position = 0; position < rules.size(); position++) {
                        if (!candidates.contains(position)) {
                            assertThat(failsBeforeAnySideEffect(rules.get(position).rule(), packet))
                                    .as("rule %s left out for %s", rules.get(position).rule().save("X"), packet.header())
                                    .isTrue();
                        }
                    }
                }
            }
        }

        @Test
        void aShortChainIsWalkedWhole() {
            List<InstalledRule> rules = IntStream.range(0, ChainIndex.MIN_RULES - 1)
                    .mapToObj(i -> new InstalledRule(new Rule(ip("10.96.0." + (i + 1) + "/32", Protocol.TCP), List.of(),
                            StandardTarget.ACCEPT, false), 0, 0)).toList();

            Packet packet = Packet.of(PacketHeader.tcp("10.0.0.1", 1000, "10.96.0.200", 80));

            assertThat(all(ChainIndex.of(rules).candidates(packet))).containsExactly(0, 1, 2, 3, 4, 5, 6);
        }

        @Test
        void aLongChainOffersOnlyTheRulesForThePacketsAddressAndPortBesideTheRest() {
            List<InstalledRule> rules = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rules.add(new InstalledRule(new Rule(ip("10.96.0." + (i + 1) + "/32", Protocol.TCP), List.of(),
                        StandardTarget.ACCEPT, false), 0, 0));
            }
            rules.add(4, new InstalledRule(new Rule(ip("10.244.0.0/16", null), List.of(), StandardTarget.DROP, false), 0, 0));
            rules.add(new InstalledRule(new Rule(ip(null, Protocol.TCP), List.of(new PortMatch(Protocol.TCP, null, false,
                    PortRange.single(80), false, false, false)), StandardTarget.ACCEPT, false), 0, 0));

            Packet packet = Packet.of(PacketHeader.tcp("10.0.0.1", 1000, "10.96.0.7", 80));

            assertThat(all(ChainIndex.of(rules).candidates(packet))).containsExactly(4, 7, 11);
        }

        private boolean failsBeforeAnySideEffect(Rule rule, Packet packet) {
            if (!rule.ip().matches(packet)) {
                return true;
            }
            MatchContext context = new MatchContext(netfilter).at(packet, new InstalledRule(rule, 0, 0));
            for (Match match : rule.matches()) {
                if (match instanceof StatisticMatch || match instanceof RecentMatch) {
                    return false;
                }
                if (!match.matches(context)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<Integer> all(ChainIndex.Candidates candidates) {
        List<Integer> positions = new ArrayList<>();
        for (int next = candidates.next(); next >= 0; next = candidates.next()) {
            positions.add(next);
        }
        return positions;
    }

    private static IpMatch ip(String destination, Protocol protocol) {
        return new IpMatch(null, false, destination == null ? null : Cidr.parse(destination), false,
                null, false, null, false, protocol, false);
    }

    private static final String[] DESTINATIONS = {"10.96.0.1/32", "10.96.0.2/32", "10.96.0.3/32", "10.96.0.0/24", "10.96.0.1"};
    private static final int[] PORTS = {53, 80, 443};

    private static Rule randomRule(SplittableRandom random) {
        int d = random.nextInt(DESTINATIONS.length + 1);
        Cidr destination = d == DESTINATIONS.length ? null : Cidr.parse(DESTINATIONS[d]);
        boolean destinationInverted = destination != null && random.nextInt(5) == 0;
        Protocol protocol = random.nextBoolean() ? null : (random.nextBoolean() ? Protocol.TCP : Protocol.UDP);
        IpMatch ip = new IpMatch(null, false, destination, destinationInverted, null, false, null, false,
                protocol, protocol != null && random.nextInt(6) == 0);
        List<Match> matches = new ArrayList<>();
        for (int m = random.nextInt(4); m > 0; m--) {
            matches.add(switch (random.nextInt(5)) {
                case 0 -> new CommentMatch("a comment");
                case 1 -> StatisticMatch.nth(2, 0, false);
                case 2 -> new MarkMatch(1, 1, random.nextBoolean());
                default -> new PortMatch(random.nextBoolean() ? Protocol.TCP : Protocol.UDP, null, false,
                        random.nextInt(4) == 0 ? new PortRange(80, 90) : PortRange.single(PORTS[random.nextInt(PORTS.length)]),
                        random.nextInt(5) == 0, false, false);
            });
        }
        return new Rule(ip, matches, StandardTarget.ACCEPT, false);
    }

    private static Packet randomPacket(SplittableRandom random) {
        Protocol protocol = Protocol.values()[random.nextInt(Protocol.values().length)];
        String[] destinations = {"10.96.0.1", "10.96.0.2", "10.96.0.9", "10.97.0.1"};
        int[] ports = {53, 80, 85, 443, 8080};
        PacketHeader header = new PacketHeader(protocol, Ipv4Address.parse("10.0.0.5"), 1000 + random.nextInt(100),
                Ipv4Address.parse(destinations[random.nextInt(destinations.length)]), ports[random.nextInt(ports.length)],
                protocol == Protocol.TCP);
        return Packet.of(header).withMark(random.nextInt(2));
    }
}
