package org.laymanlabs.sandbox.net.dns;

/**
 * A message's header (RFC 1035 §4.1.1) without its section counts, which the message's lists
 * give. {@code ad} and {@code cd} are RFC 4035's bits, which dig prints among the flags.
 */
public record Header(int id, boolean response, int opcode, boolean authoritative, boolean truncated,
                     boolean recursionDesired, boolean recursionAvailable, boolean authenticData,
                     boolean checkingDisabled, Rcode rcode) {

    public Header {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("a message ID is 16 bits, not " + id);
        }
    }

    /** A standard query, recursion desired, as every stub resolver sends. */
    public static Header query(int id) {
        return new Header(id, false, 0, false, false, true, false, false, false, Rcode.NOERROR);
    }

    /** The header of the response to this query: same ID, opcode, RD and CD (RFC 1035 §4.1.1, RFC 4035 §3.1.6). */
    public Header answer(boolean authoritativeAnswer, boolean recursion, Rcode code) {
        return new Header(id, true, opcode, authoritativeAnswer, false, recursionDesired, recursion, false,
                checkingDisabled, code);
    }

    public Header withTruncated(boolean tc) {
        return new Header(id, response, opcode, authoritative, tc, recursionDesired, recursionAvailable, authenticData,
                checkingDisabled, rcode);
    }

    int flags() {
        return (response ? 0x8000 : 0) | (opcode & 0xF) << 11 | (authoritative ? 0x0400 : 0) | (truncated ? 0x0200 : 0)
                | (recursionDesired ? 0x0100 : 0) | (recursionAvailable ? 0x0080 : 0) | (authenticData ? 0x0020 : 0)
                | (checkingDisabled ? 0x0010 : 0) | rcode.value();
    }

    static Header of(int id, int flags) {
        return new Header(id, (flags & 0x8000) != 0, flags >> 11 & 0xF, (flags & 0x0400) != 0, (flags & 0x0200) != 0,
                (flags & 0x0100) != 0, (flags & 0x0080) != 0, (flags & 0x0020) != 0, (flags & 0x0010) != 0,
                Rcode.of(flags & 0xF));
    }
}
