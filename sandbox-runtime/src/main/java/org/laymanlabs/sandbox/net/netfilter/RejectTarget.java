package org.laymanlabs.sandbox.net.netfilter;

import java.util.Locale;
import java.util.Optional;

/** The REJECT target (libipt_REJECT.c): drop, and answer with an ICMP error or a TCP reset. */
public record RejectTarget(Type with) implements Target {

    /** The reply types with the names and aliases of libipt_REJECT.c's reject_table. */
    public enum Type {
        ICMP_NET_UNREACHABLE("net-unreach"), ICMP_HOST_UNREACHABLE("host-unreach"),
        ICMP_PROTO_UNREACHABLE("proto-unreach"), ICMP_PORT_UNREACHABLE("port-unreach"),
        ICMP_NET_PROHIBITED("net-prohib"), ICMP_HOST_PROHIBITED("host-prohib"),
        TCP_RESET("tcp-rst"), ICMP_ADMIN_PROHIBITED("admin-prohib");

        private final String alias;

        Type(String alias) {
            this.alias = alias;
        }

        public String keyword() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** REJECT_parse() accepts any case-insensitive prefix of a name or an alias, first hit wins. */
        public static Optional<Type> parse(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Type type : values()) {
                if (type.keyword().startsWith(lower) || type.alias.startsWith(lower)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public static final RejectTarget DEFAULT = new RejectTarget(Type.ICMP_PORT_UNREACHABLE);

    @Override
    public String name() {
        return "REJECT";
    }

    @Override
    public String save() {
        return " --reject-with " + with.keyword();
    }

    @Override
    public String print(boolean numeric) {
        return " reject-with " + with.keyword();
    }
}
