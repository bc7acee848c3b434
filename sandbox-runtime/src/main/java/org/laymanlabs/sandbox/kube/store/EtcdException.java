package org.laymanlabs.sandbox.kube.store;

/** A failed etcd request, thrown by {@link Call#get()}; the message is etcd's own wording. */
public final class EtcdException extends RuntimeException {

    private final EtcdError error;

    public EtcdException(EtcdError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public EtcdError error() {
        return error;
    }
}
