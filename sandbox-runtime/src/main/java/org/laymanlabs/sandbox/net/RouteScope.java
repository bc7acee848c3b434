package org.laymanlabs.sandbox.net;

import java.util.Locale;

/** How far a route or address reaches (rtnetlink's rt_scope_t). */
public enum RouteScope {
    GLOBAL, LINK, HOST;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
