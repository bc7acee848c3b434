package org.laymanlabs.sandbox.container;

/** A container's State.Status, as moby's container/state.go StateString names it. */
public enum ContainerStatus {
    CREATED("created"), RUNNING("running"), PAUSED("paused"), RESTARTING("restarting"), REMOVING("removing"),
    EXITED("exited"), DEAD("dead");

    private final String text;

    ContainerStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
