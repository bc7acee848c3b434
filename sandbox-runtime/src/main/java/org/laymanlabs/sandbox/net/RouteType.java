package org.laymanlabs.sandbox.net;

import java.util.Locale;

/** What a route does with a matching packet (rtnetlink's rtm_type). */
public enum RouteType {
    UNICAST, LOCAL, BROADCAST, UNREACHABLE, BLACKHOLE;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
