package org.laymanlabs.sandbox.kube.apiserver;

/** A watch on the API server, as a client holds it. */
public interface ApiWatch {

    /**
     * What a watcher does with each event (an informer's handler). Serializable: the API server
     * keeps it for as long as the watch lasts, and a checkpoint writes it with the sandbox.
     */
    interface Listener extends java.util.function.Consumer<WatchEvent>, java.io.Serializable {
    }

    void cancel();

    boolean isCancelled();
}
