package org.laymanlabs.sandbox.kube.store.mvcc;

/** A read, watch or compaction the store cannot serve; nothing was changed. */
public final class MvccException extends RuntimeException {

    private final MvccError error;

    public MvccException(MvccError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public MvccError error() {
        return error;
    }
}
