package org.laymanlabs.sandbox.kube.store.mvcc;

/** The store's own refusals, in the words of etcd server/storage/mvcc/kvstore.go. */
public enum MvccError {
    COMPACTED("mvcc: required revision has been compacted"),
    FUTURE_REVISION("mvcc: required revision is a future revision");

    private final String message;

    MvccError(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
