package org.laymanlabs.sandbox.net;

/**
 * The kinds of network device the sandbox models, named as {@code ip link add … type} names them;
 * ETHERNET is a machine's own network card, which the learner cannot create.
 */
public enum LinkKind {
    LOOPBACK, ETHERNET, VETH, BRIDGE, VXLAN;

    public String typeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
