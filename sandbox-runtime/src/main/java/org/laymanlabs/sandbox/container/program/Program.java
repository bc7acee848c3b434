package org.laymanlabs.sandbox.container.program;

/**
 * A simulated executable: what runs when a container's process execs a binary whose
 * {@code FileContent.Binary} kind names it. Starting one never blocks: a server registers its
 * listeners and returns, a short-lived program calls {@link ProcessContext#exit} before returning,
 * and a timer on the virtual clock ends anything in between.
 */
@FunctionalInterface
public interface Program {

    Process start(ProcessContext context);
}
