package org.laymanlabs.sandbox.net.dnsutils;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * The text of the machine's /etc/resolv.conf, read at each run as the real tools read it.
 * Serializable, as the commands that keep one are part of a sandbox's checkpoint.
 */
@FunctionalInterface
public interface ResolvConf extends Supplier<String>, Serializable {
}
