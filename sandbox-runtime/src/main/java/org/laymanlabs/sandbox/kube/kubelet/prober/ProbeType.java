package org.laymanlabs.sandbox.kube.kubelet.prober;

/** Mirrors the probeType of kubernetes pkg/kubelet/prober/prober_manager.go, named as its String() prints it in events. */
enum ProbeType {
    LIVENESS("Liveness"),
    READINESS("Readiness"),
    STARTUP("Startup");

    private final String words;

    ProbeType(String words) {
        this.words = words;
    }

    /** "Liveness", "Readiness" or "Startup", as the first word of an Unhealthy event. */
    String words() {
        return words;
    }
}
