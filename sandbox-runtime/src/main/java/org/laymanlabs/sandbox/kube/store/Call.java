package org.laymanlabs.sandbox.kube.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request in flight on the virtual clock: it completes when time has moved far enough for the
 * cluster to answer (the write committed and applied, the read confirmed), or fails in etcd's
 * words. Event-driven callers use {@link #whenDone}; a caller outside the clock's timers may use
 * {@link EtcdCluster#await}. The first outcome wins; later ones are ignored.
 */
public final class Call<T> {

    /**
     * What runs when a call completes. Serializable: a sandbox is checkpointed with calls still
     * waiting on its clock, their callbacks with them.
     */
    public interface Callback<T> extends Consumer<Call<T>>, java.io.Serializable {
    }

    /** How {@link #map} turns a response into another; kept by the mapped call's callback. */
    interface Conversion<T, R> extends java.util.function.Function<T, R>, java.io.Serializable {
    }

    private final List<Callback<T>> callbacks = new ArrayList<>();
    private boolean done;
    private T value;
    private ResponseHeader header;
    private EtcdError error;

    public boolean isDone() {
        return done;
    }

    public boolean succeeded() {
        return done && error == null;
    }

    /** The response; throws the etcd error if the call failed. */
    public T get() {
        if (!done) {
            throw new IllegalStateException("the call is still in flight; advance the clock (EtcdCluster.await)");
        }
        if (error != null) {
            throw new EtcdException(error);
        }
        return value;
    }

    public Optional<EtcdError> error() {
        return Optional.ofNullable(error);
    }

    /** The answering member's header; empty until the call succeeds. */
    public Optional<ResponseHeader> header() {
        return Optional.ofNullable(header);
    }

    public Call<T> whenDone(Callback<T> callback) {
        if (done) {
            callback.accept(this);
        } else {
            callbacks.add(callback);
        }
        return this;
    }

    /** A call that completes when this one does, with its response converted. */
    <R> Call<R> map(Conversion<T, R> convert) {
        Call<R> mapped = new Call<>();
        whenDone(c -> {
            if (error != null) {
                mapped.fail(error);
            } else {
                mapped.complete(convert.apply(value), header);
            }
        });
        return mapped;
    }

    void complete(T response, ResponseHeader responseHeader) {
        if (!done) {
            value = response;
            header = responseHeader;
            finish();
        }
    }

    void fail(EtcdError reason) {
        if (!done) {
            error = reason;
            finish();
        }
    }

    private void finish() {
        done = true;
        List<Callback<T>> toRun = List.copyOf(callbacks);
        callbacks.clear();
        toRun.forEach(c -> c.accept(this));
    }
}
