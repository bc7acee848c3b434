package org.laymanlabs.sandbox.net.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * RFC 1035 messages against real bytes: the queries glibc 2.36 sent for getaddrinfo in a pod-like
 * resolv.conf (captured on this machine with a UDP listener on 127.0.0.1:53, see
 * src/test/resources/dns/glibc-2.36-queries.txt), and the NXDOMAIN this machine's resolver sent back.
 */
@DisplayName("DNS messages on the wire")
class MessageTest {

    private static final HexFormat HEX = HexFormat.of();

    private static List<String[]> glibcQueries() throws IOException {
        try (InputStream in = MessageTest.class.getResourceAsStream("/dns/glibc-2.36-queries.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().map(l -> l.split(" ")).toList();
        }
    }

    @Nested
    @DisplayName("queries")
    class Queries {

        @Test
        void encodeByteForByteAsGlibcSendsThem() throws IOException {
            for (String[] captured : glibcQueries()) {
                byte[] wire = HEX.parseHex(captured[2]);
                int id = (wire[0] & 0xFF) << 8 | wire[1] & 0xFF;

                Message query = Message.query(id, Question.in(captured[0], new RrType(Integer.parseInt(captured[1]))));

                assertThat(HEX.formatHex(query.encode())).as(captured[0]).isEqualTo(captured[2]);
            }
        }

        @Test
        void decodeToTheirQuestionWithRecursionDesired() throws IOException {
            String[] first = glibcQueries().get(0);

            Message query = Message.decode(HEX.parseHex(first[2]));

            assertThat(query.question()).contains(Question.in("frontend-svc.default.svc.cluster.local.", RrType.A));
            assertThat(query.header().recursionDesired()).isTrue();
            assertThat(query.header().response()).isFalse();
            assertThat(query.answers()).isEmpty();
        }
    }

    @Nested
    @DisplayName("responses")
    class Responses {

        @Test
        void anNxdomainFromARealResolverDecodes() {
            Message nx = Message.decode(HEX.parseHex("123481830001000000000000076578616d706c6503636f6d0000010001"));

            assertThat(nx.header().id()).isEqualTo(0x1234);
            assertThat(nx.rcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(nx.header().recursionAvailable()).isTrue();
            assertThat(nx.header().authoritative()).isFalse();
            assertThat(nx.question()).contains(Question.in("example.com", RrType.A));
        }

        @Test
        void anAnswerPointsBackAtItsQuestionForItsOwnerName() {
            Message query = Message.query(0x5539, Question.in("frontend-svc.default.svc.cluster.local", RrType.A));
            Message answer = new Message(query.header().answer(true, true, Rcode.NOERROR), query.questions(),
                    List.of(ResourceRecord.in("frontend-svc.default.svc.cluster.local", 30,
                            new RData.A(Ipv4Address.parse("10.96.12.34")))), List.of(), List.of());

            String hex = HEX.formatHex(answer.encode());

            // RFC 1035 §4.1.4: the owner is the pointer c00c to the question's name at offset 12.
            assertThat(hex).isEqualTo("553985800001000100000000"
                    + "0c66726f6e74656e642d7376630764656661756c740373766307636c7573746572056c6f63616c0000010001"
                    + "c00c00010001" + "0000001e" + "0004" + "0a600c22");
            assertThat(Message.decode(answer.encode())).isEqualTo(answer);
        }

        @Test
        void namesInsideRecordDataAreCompressedAgainstEarlierSuffixes() {
            Message query = Message.query(7, Question.in("_http._tcp.web.default.svc.cluster.local", RrType.SRV));
            Message answer = new Message(query.header().answer(true, true, Rcode.NOERROR), query.questions(),
                    List.of(ResourceRecord.in("_http._tcp.web.default.svc.cluster.local", 30,
                            new RData.Srv(0, 100, 80, "web.default.svc.cluster.local"))),
                    List.of(), List.of(ResourceRecord.in("web.default.svc.cluster.local", 30,
                            new RData.A(Ipv4Address.parse("10.96.0.20")))));

            byte[] wire = answer.encode();

            // The SRV target and the additional owner are both a pointer to "web" inside the question (offset 12+6+5).
            String hex = HEX.formatHex(wire);
            assertThat(hex).contains("000000640050" + "c017").contains("c017000100010000001e00040a600014");
            assertThat(Message.decode(wire)).isEqualTo(answer);
        }

        @Test
        void soaAndCnameSurviveARoundTrip() {
            Message m = new Message(Header.query(1).answer(true, true, Rcode.NXDOMAIN),
                    List.of(Question.in("nosuch.default.svc.cluster.local", RrType.A)),
                    List.of(ResourceRecord.in("ext.default.svc.cluster.local", 30, new RData.Cname("example.com"))),
                    List.of(ResourceRecord.in("cluster.local", 30, new RData.Soa("ns.dns.cluster.local",
                            "hostmaster.cluster.local", 1732600000L, 7200, 1800, 86400, 30))), List.of());

            assertThat(Message.decode(m.encode())).isEqualTo(m);
        }
    }

    @Nested
    @DisplayName("truncation")
    class Truncation {

        @Test
        void aResponseOverTheUdpLimitLosesRecordsAndSetsTc() {
            Message query = Message.query(9, Question.in("many.default.svc.cluster.local", RrType.A));
            List<ResourceRecord> records = new java.util.ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                records.add(ResourceRecord.in("many.default.svc.cluster.local", 30,
                        new RData.A(Ipv4Address.parse("10.244.1." + i))));
            }
            Message big = new Message(query.header().answer(true, true, Rcode.NOERROR), query.questions(), records,
                    List.of(), List.of());

            Message sent = Message.decode(big.encode(Message.UDP_LIMIT));

            assertThat(big.encode().length).isGreaterThan(512);
            assertThat(sent.header().truncated()).isTrue();
            assertThat(sent.answers()).hasSizeLessThan(60).isNotEmpty();
            assertThat(sent.encode().length).isLessThanOrEqualTo(512);
        }

        @Test
        void aResponseThatFitsIsSentWhole() {
            Message query = Message.query(9, Question.in("one.default.svc.cluster.local", RrType.A));

            assertThat(Message.decode(query.encode(512)).header().truncated()).isFalse();
        }
    }

    @Nested
    @DisplayName("malformed input")
    class Malformed {

        @Test
        void aMessageShorterThanItsHeaderIsRejected() {
            assertThatThrownBy(() -> Message.decode(new byte[5])).isInstanceOf(DnsFormatException.class)
                    .hasMessage("message shorter than its 12-byte header");
        }

        @Test
        void aPointerLoopIsRejected() {
            // QDCOUNT 1, and the question's name is a pointer to itself at offset 12.
            assertThatThrownBy(() -> Message.decode(HEX.parseHex("000100000001000000000000c00c00010001")))
                    .isInstanceOf(DnsFormatException.class).hasMessage("compression pointer does not point backwards");
        }

        @Test
        void aCutOffRecordIsRejected() {
            assertThatThrownBy(() -> Message.decode(HEX.parseHex("00018180000100010000000001610000010001c00c000100010000001e00040a60")))
                    .isInstanceOf(DnsFormatException.class);
        }
    }
}
