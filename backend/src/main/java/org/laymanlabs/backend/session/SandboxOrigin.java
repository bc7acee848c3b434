package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.Objects;

/** Where a sandbox starts from: its lab, its seed, and the virtual instant its session begins. */
public record SandboxOrigin(String labId, long seed, Instant startTime) {

    public SandboxOrigin {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(startTime, "startTime");
    }

    SandboxJournal freshJournal() {
        return SandboxJournal.fresh(labId, seed, startTime);
    }
}
