package org.laymanlabs.sandbox.net.netfilter;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * The addrtype match, revision 1 (libxt_addrtype.c, xt_addrtype.c). The kernel asks the routing
 * table what kind an address is; the sandbox answers from the namespace's own addresses.
 *
 * @param sourceTypes      empty when the rule has no {@code --src-type}
 * @param destinationTypes empty when the rule has no {@code --dst-type}
 */
public record AddrTypeMatch(Set<AddressType> sourceTypes, boolean sourceInverted,
                            Set<AddressType> destinationTypes, boolean destinationInverted) implements Match {

    /** The route types of linux/rtnetlink.h in their numeric order, which is also the print order. */
    public enum AddressType {
        UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE
    }

    private static final Ipv4Address LIMITED_BROADCAST = Ipv4Address.parse("255.255.255.255");

    public AddrTypeMatch {
        sourceTypes = sourceTypes.isEmpty() ? EnumSet.noneOf(AddressType.class) : EnumSet.copyOf(sourceTypes);
        destinationTypes = destinationTypes.isEmpty() ? EnumSet.noneOf(AddressType.class) : EnumSet.copyOf(destinationTypes);
    }

    @Override
    public String name() {
        return "addrtype";
    }

    @Override
    public boolean matches(MatchContext context) {
        Packet packet = context.packet();
        return matchesSide(sourceTypes, sourceInverted, packet.header().source(), packet)
                && matchesSide(destinationTypes, destinationInverted, packet.header().destination(), packet);
    }

    private static boolean matchesSide(Set<AddressType> types, boolean inverted, Ipv4Address address, Packet packet) {
        if (types.isEmpty()) {
            return true;
        }
        return types.contains(typeOf(address, packet)) != inverted;
    }

    /** What inet_addr_type() would answer in a namespace holding {@code packet.localAddresses()}. */
    static AddressType typeOf(Ipv4Address address, Packet packet) {
        if (address.isLoopback() || packet.localAddresses().contains(address)) {
            return AddressType.LOCAL;
        }
        if (address.equals(LIMITED_BROADCAST)) {
            return AddressType.BROADCAST;
        }
        if ((address.bits() >>> 28) == 0xE) {
            return AddressType.MULTICAST;
        }
        return AddressType.UNICAST;
    }

    @Override
    public String save() {
        StringBuilder out = new StringBuilder();
        if (!sourceTypes.isEmpty()) {
            out.append(sourceInverted ? " !" : "").append(" --src-type ").append(list(sourceTypes));
        }
        if (!destinationTypes.isEmpty()) {
            out.append(destinationInverted ? " !" : "").append(" --dst-type ").append(list(destinationTypes));
        }
        return out.toString();
    }

    @Override
    public String print(boolean numeric) {
        StringBuilder out = new StringBuilder(" ADDRTYPE match");
        if (!sourceTypes.isEmpty()) {
            out.append(" src-type ").append(sourceInverted ? "!" : "").append(list(sourceTypes));
        }
        if (!destinationTypes.isEmpty()) {
            out.append(" dst-type ").append(destinationInverted ? "!" : "").append(list(destinationTypes));
        }
        return out.toString();
    }

    private static String list(Set<AddressType> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
