package org.laymanlabs.sandbox.net.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Reads a message from wire format, following compression pointers (RFC 1035 §4.1.4). A pointer
 * must point backwards, which ends loops; anything running past the end, an RDLENGTH that
 * disagrees with its data, or a name over 255 octets is a {@link DnsFormatException}.
 */
final class MessageReader {

    private static final int HEADER = 12;

    private final byte[] wire;
    private int at;

    MessageReader(byte[] wire) {
        this.wire = wire;
    }

    Message message() {
        if (wire.length < HEADER) {
            throw new DnsFormatException("message shorter than its 12-byte header");
        }
        Header header = Header.of(u16(), u16());
        int qd = u16();
        int an = u16();
        int ns = u16();
        int ar = u16();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < qd; i++) {
            questions.add(new Question(name(), new RrType(u16()), u16()));
        }
        List<ResourceRecord> answers = records(an);
        List<ResourceRecord> authority = records(ns);
        List<ResourceRecord> additional = records(ar);
        if (at != wire.length) {
            throw new DnsFormatException((wire.length - at) + " bytes after the last record");
        }
        return new Message(header, questions, answers, authority, additional);
    }

    private List<ResourceRecord> records(int count) {
        List<ResourceRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String owner = name();
            RrType type = new RrType(u16());
            int dnsClass = u16();
            long ttl = u32();
            int length = u16();
            need(length);
            int end = at + length;
            RData data = data(type, length);
            if (at != end) {
                throw new DnsFormatException("RDLENGTH " + length + " disagrees with the " + type + " data");
            }
            records.add(new ResourceRecord(owner, type, dnsClass, ttl, data));
        }
        return records;
    }

    private RData data(RrType type, int length) {
        if (type.equals(RrType.A) && length == 4) {
            return new RData.A(new Ipv4Address((int) u32()));
        }
        if (type.equals(RrType.AAAA) && length == 16) {
            return new RData.Aaaa(bytes(16));
        }
        if (type.equals(RrType.CNAME)) {
            return new RData.Cname(name());
        }
        if (type.equals(RrType.NS)) {
            return new RData.Ns(name());
        }
        if (type.equals(RrType.PTR)) {
            return new RData.Ptr(name());
        }
        if (type.equals(RrType.SRV)) {
            return new RData.Srv(u16(), u16(), u16(), name());
        }
        if (type.equals(RrType.SOA)) {
            return new RData.Soa(name(), name(), u32(), u32(), u32(), u32(), u32());
        }
        return new RData.Opaque(bytes(length));
    }

    /** A name at the cursor; the cursor ends after its first pointer or its root label. */
    private String name() {
        StringBuilder name = new StringBuilder();
        int position = at;
        int resume = -1;
        int wireLength = 1;
        while (true) {
            if (position >= wire.length) {
                throw new DnsFormatException("name runs past the end of the message");
            }
            int length = wire[position] & 0xFF;
            if ((length & 0xC0) == 0xC0) {
                if (position + 1 >= wire.length) {
                    throw new DnsFormatException("compression pointer cut off");
                }
                int target = (length & 0x3F) << 8 | wire[position + 1] & 0xFF;
                if (target >= position) {
                    throw new DnsFormatException("compression pointer does not point backwards");
                }
                if (resume < 0) {
                    resume = position + 2;
                }
                position = target;
                continue;
            }
            if ((length & 0xC0) != 0) {
                throw new DnsFormatException("unknown label type 0x" + Integer.toHexString(length & 0xC0));
            }
            if (length == 0) {
                at = resume < 0 ? position + 1 : resume;
                return name.length() == 0 ? "." : name.toString();
            }
            wireLength += length + 1;
            if (wireLength > Names.MAX_WIRE || position + 1 + length > wire.length) {
                throw new DnsFormatException(wireLength > Names.MAX_WIRE ? "name longer than 255 octets"
                        : "label runs past the end of the message");
            }
            name.append(new String(wire, position + 1, length, StandardCharsets.ISO_8859_1)).append('.');
            position += 1 + length;
        }
    }

    private void need(int bytes) {
        if (at + bytes > wire.length) {
            throw new DnsFormatException("message cut off at byte " + wire.length);
        }
    }

    private byte[] bytes(int n) {
        need(n);
        byte[] b = Arrays.copyOfRange(wire, at, at + n);
        at += n;
        return b;
    }

    private int u16() {
        need(2);
        int v = (wire[at] & 0xFF) << 8 | wire[at + 1] & 0xFF;
        at += 2;
        return v;
    }

    private long u32() {
        return (long) u16() << 16 | u16();
    }
}
