package org.laymanlabs.sandbox.net.netfilter;

/**
 * The MASQUERADE target (libxt_MASQUERADE.c): SNAT to the address of the interface the packet
 * leaves by, chosen per connection. Valid only in nat POSTROUTING.
 *
 * @param toPorts null to keep the source port
 */
public record MasqueradeTarget(PortRange toPorts, boolean random, boolean randomFully) implements Target {

    public static final MasqueradeTarget PLAIN = new MasqueradeTarget(null, false, false);

    @Override
    public String name() {
        return "MASQUERADE";
    }

    @Override
    public String save() {
        StringBuilder out = new StringBuilder();
        if (toPorts != null) {
            out.append(" --to-ports ").append(ports());
        }
        return out.append(random ? " --random" : "").append(randomFully ? " --random-fully" : "").toString();
    }

    @Override
    public String print(boolean numeric) {
        StringBuilder out = new StringBuilder();
        if (toPorts != null) {
            out.append(" masq ports: ").append(ports());
        }
        return out.append(random ? " random" : "").append(randomFully ? " random-fully" : "").toString();
    }

    private String ports() {
        return toPorts.min() == toPorts.max() ? String.valueOf(toPorts.min()) : toPorts.min() + "-" + toPorts.max();
    }
}
