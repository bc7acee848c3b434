package org.laymanlabs.bench;

import java.util.List;
import org.laymanlabs.backend.session.SnapshotCodec;

/** The backend's figures (issue 7): a snapshot's size, save and restore, and grading a step of ten checks. */
final class BackendFigures {

    private BackendFigures() {
    }

    static List<Figure> snapshots(Sampler sampler, int activeMinutes) throws Exception {
        SnapshotBenchmark bench = new SnapshotBenchmark();
        bench.activeMinutes = activeMinutes;
        bench.recordASession();
        String session = "a session of 15 inputs over " + activeMinutes + " virtual minutes";
        Sampler.Measured save = sampler.measure(() -> SnapshotCodec.encode(bench.journal));
        Sampler.Measured restore = sampler.measure(bench::restoreASnapshot);
        double size = bench.stored.length;
        return List.of(
                Figure.of("Snapshot size, " + session, new Samples(new double[] {size}), "B"),
                Figure.of("1,000 stored snapshots of that size", new Samples(new double[] {size * 1000}), "B")
                        .atMost(50 * 1024 * 1024),
                Figure.wall("Snapshot save (encode), " + session, save),
                Figure.wall("Snapshot restore (decode, new sandbox, replay), " + session, restore).atMost(20));
    }

    static Figure grading(Sampler sampler) throws Exception {
        GradingBenchmark bench = new GradingBenchmark();
        bench.aStepOfTenChecks();
        return Figure.wall("Grading a step of ten checks", sampler.measure(bench::gradeAStepOfTenChecks)).atMost(20);
    }
}
