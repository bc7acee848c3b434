package org.laymanlabs.sandbox.kube.kubectl;

import java.util.List;

/** One kubectl verb: its flags and what it does with a parsed command line. */
interface Subcommand {

    /** The command path as kubectl names it in errors, e.g. {@code kubectl create deployment}. */
    String path();

    List<Flag> flags();

    /** False for a verb that answers the same whatever flags it is given. */
    default boolean parsesFlags() {
        return true;
    }

    /** Runs the command, writing to the session; client-side failures throw {@link KubectlException}. */
    void run(FlagSet.Parsed args, Session session);
}
