package org.laymanlabs.sandbox.net.netfilter;

/**
 * The MARK target, revision 2 (libxt_MARK.c, xt_mark.c): {@code mark = (mark & ~mask) ^ value}.
 * Every spelling ({@code --set-mark}, {@code --or-mark}, …) is stored as this pair, which is why
 * iptables-save prints them all as {@code --set-xmark value/mask}.
 */
public record MarkTarget(int value, int mask) implements Target {

    public static MarkTarget orMark(int bits) {
        return new MarkTarget(bits, bits);
    }

    public static MarkTarget xorMark(int bits) {
        return new MarkTarget(bits, 0);
    }

    public static MarkTarget andMark(int bits) {
        return new MarkTarget(0, ~bits);
    }

    @Override
    public String name() {
        return "MARK";
    }

    int apply(int mark) {
        return (mark & ~mask) ^ value;
    }

    @Override
    public String save() {
        return " --set-xmark " + MarkMatch.hex(value) + "/" + MarkMatch.hex(mask);
    }

    /** mark_tg_print() names the operation the pair amounts to. */
    @Override
    public String print(boolean numeric) {
        if (value == 0) {
            return " MARK and " + MarkMatch.hex(~mask);
        } else if (value == mask) {
            return " MARK or " + MarkMatch.hex(value);
        } else if (mask == 0) {
            return " MARK xor " + MarkMatch.hex(value);
        } else if (mask == -1) {
            return " MARK set " + MarkMatch.hex(value);
        }
        return " MARK xset " + MarkMatch.hex(value) + "/" + MarkMatch.hex(mask);
    }
}
