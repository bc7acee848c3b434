package org.laymanlabs.sandbox.net;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * The network namespace a command runs in, asked at each run: the shell's {@link CurrentNamespace},
 * or a container's own. Serializable, as the commands that keep one are part of a sandbox's checkpoint.
 */
@FunctionalInterface
public interface HomeNamespace extends Supplier<NetworkNamespace>, Serializable {
}
