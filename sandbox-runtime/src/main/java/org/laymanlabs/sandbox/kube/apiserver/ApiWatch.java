package org.laymanlabs.sandbox.kube.apiserver;

/** A watch on the API server, as a client holds it. */
public interface ApiWatch {

    void cancel();

    boolean isCancelled();
}
