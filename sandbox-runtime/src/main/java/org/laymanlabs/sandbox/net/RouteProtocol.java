package org.laymanlabs.sandbox.net;

import java.util.Locale;

/** Who installed a route: the kernel (for an address), an administrator ({@code boot}, the default), or a daemon. */
public enum RouteProtocol {
    KERNEL, BOOT, STATIC;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
