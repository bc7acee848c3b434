package org.laymanlabs.sandbox.net.netfilter;

/** The mark match, revision 1 (libxt_mark.c, xt_mark.c): {@code (skb->mark & mask) == mark}. */
public record MarkMatch(int mark, int mask, boolean inverted) implements Match {

    @Override
    public String name() {
        return "mark";
    }

    @Override
    public boolean matches(MatchContext context) {
        return ((context.packet().mark() & mask) == mark) != inverted;
    }

    @Override
    public String save() {
        return (inverted ? " !" : "") + " --mark " + value();
    }

    @Override
    public String print(boolean numeric) {
        return " mark match" + (inverted ? " !" : "") + " " + value();
    }

    /** print_mark(): the mask is left out when it is all ones. */
    private String value() {
        return mask == -1 ? hex(mark) : hex(mark) + "/" + hex(mask);
    }

    static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
