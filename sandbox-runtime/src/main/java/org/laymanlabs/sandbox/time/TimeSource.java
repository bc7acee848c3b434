package org.laymanlabs.sandbox.time;

import java.io.Serializable;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Where something that stamps times (a file's mtime, kubectl's ages) reads the time: usually
 * {@code clock::now} of the sandbox's {@link VirtualClock}. Serializable, so that a sandbox's
 * checkpoint keeps it as the clock it reads, not as code it cannot write.
 */
@FunctionalInterface
public interface TimeSource extends Supplier<Instant>, Serializable {
}
