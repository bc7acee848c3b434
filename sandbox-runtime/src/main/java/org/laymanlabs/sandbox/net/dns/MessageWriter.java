package org.laymanlabs.sandbox.net.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a message in wire format with RFC 1035 §4.1.4 compression: every name suffix already
 * written at an offset below 0x4000 is replaced by a pointer to it. Owner names and the names
 * inside CNAME, NS, PTR, SOA and SRV data are compressed, as miekg/dns does for CoreDNS
 * (RFC 3597 §4 forbids it for newer types, but SRV's target is compressed by common servers).
 */
final class MessageWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> suffixes = new HashMap<>();

    byte[] message(Message m) {
        Header h = m.header();
        u16(h.id());
        u16(h.flags());
        u16(m.questions().size());
        u16(m.answers().size());
        u16(m.authority().size());
        u16(m.additional().size());
        for (Question q : m.questions()) {
            name(q.name());
            u16(q.type().value());
            u16(q.dnsClass());
        }
        records(m.answers());
        records(m.authority());
        records(m.additional());
        return out.toByteArray();
    }

    private void records(List<ResourceRecord> records) {
        for (ResourceRecord r : records) {
            name(r.name());
            u16(r.type().value());
            u16(r.dnsClass());
            u32(r.ttl());
            int lengthAt = out.size();
            u16(0);
            data(r.data());
            int length = out.size() - lengthAt - 2;
            byte[] sofar = out.toByteArray();
            sofar[lengthAt] = (byte) (length >> 8);
            sofar[lengthAt + 1] = (byte) length;
            out.reset();
            out.writeBytes(sofar);
        }
    }

    private void data(RData data) {
        if (data instanceof RData.A a) {
            u32(a.address().bits() & 0xFFFFFFFFL);
        } else if (data instanceof RData.Aaaa aaaa) {
            out.writeBytes(aaaa.address());
        } else if (data instanceof RData.Cname c) {
            name(c.target());
        } else if (data instanceof RData.Ns ns) {
            name(ns.host());
        } else if (data instanceof RData.Ptr p) {
            name(p.target());
        } else if (data instanceof RData.Srv srv) {
            u16(srv.priority());
            u16(srv.weight());
            u16(srv.port());
            name(srv.target());
        } else if (data instanceof RData.Soa soa) {
            name(soa.mname());
            name(soa.rname());
            u32(soa.serial());
            u32(soa.refresh());
            u32(soa.retry());
            u32(soa.expire());
            u32(soa.minimum());
        } else {
            out.writeBytes(((RData.Opaque) data).bytes());
        }
    }

    private void name(String name) {
        List<String> labels = Names.labels(name);
        int wireLength = 1 + labels.stream().mapToInt(l -> l.getBytes(StandardCharsets.US_ASCII).length + 1).sum();
        if (wireLength > Names.MAX_WIRE) {
            throw new DnsFormatException("name longer than 255 octets: " + name);
        }
        for (int i = 0; i < labels.size(); i++) {
            String suffix = String.join(".", labels.subList(i, labels.size())).toLowerCase(Locale.ROOT);
            Integer at = suffixes.get(suffix);
            if (at != null) {
                u16(0xC000 | at);
                return;
            }
            if (out.size() < 0x4000) {
                suffixes.put(suffix, out.size());
            }
            byte[] label = labels.get(i).getBytes(StandardCharsets.US_ASCII);
            out.write(label.length);
            out.writeBytes(label);
        }
        out.write(0);
    }

    private void u16(int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private void u32(long value) {
        u16((int) (value >> 16 & 0xFFFF));
        u16((int) (value & 0xFFFF));
    }
}
