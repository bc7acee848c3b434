package org.laymanlabs.bench;

import java.lang.management.ManagementFactory;

/**
 * Runs an operation on the calling thread, first to warm the JIT, then once per sample, and keeps
 * three measures of each run: wall time, the thread's own CPU time, and the bytes it allocated.
 * The machines are shared, so the CPU time (which a queue for a core does not stretch) and the
 * allocation are the measures to trust when the load is high; the wall time is what a learner
 * waits on a quiet machine.
 */
final class Sampler {

    /** What one sampled operation does; its result is kept from the JIT's dead-code elimination. */
    @FunctionalInterface
    interface Operation {
        Object run() throws Exception;
    }

    /** Work before each run that is not measured, such as building a fresh sandbox. */
    @FunctionalInterface
    interface Setup {
        Operation prepare() throws Exception;
    }

    /** The three measures of one figure: milliseconds of wall and CPU time, and bytes allocated. */
    record Measured(Samples wallMillis, Samples cpuMillis, Samples allocatedBytes) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final int warmups;
    private final int samples;
    private volatile Object sink;

    Sampler(int warmups, int samples) {
        this.warmups = warmups;
        this.samples = samples;
    }

    Measured measure(Operation operation) throws Exception {
        return measure(() -> operation);
    }

    Measured measure(Setup setup) throws Exception {
        for (int i = 0; i < warmups; i++) {
            sink = setup.prepare().run();
        }
        double[] wall = new double[samples];
        double[] cpu = new double[samples];
        double[] allocated = new double[samples];
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < samples; i++) {
            Operation operation = setup.prepare();
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            sink = operation.run();
            wall[i] = (System.nanoTime() - wallStart) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            allocated[i] = THREADS.getThreadAllocatedBytes(thread) - bytes;
        }
        sink = null;
        return new Measured(new Samples(wall), new Samples(cpu), new Samples(allocated));
    }
}
