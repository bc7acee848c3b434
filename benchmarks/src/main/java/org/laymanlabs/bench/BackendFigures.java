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
        Sampler.Measured replay = sampler.measure(bench::replayAJournal);
        double size = bench.stored.length;
        double withCheckpoint = size + bench.checkpointSize();
        return List.of(
                Figure.of("Snapshot size (the journal), " + session, new Samples(new double[] {size}), "B"),
                Figure.of("Checkpoint size, saved beside it at eviction, " + session,
                        new Samples(new double[] {bench.checkpointSize()}), "B"),
                Figure.of("1,000 stored snapshots of that size, with their checkpoints", new Samples(new double[] {withCheckpoint * 1000}), "B")
                        .atMost(50 * 1024 * 1024),
                Figure.wall("Snapshot save (encode), " + session, save),
                Figure.wall("Snapshot restore (decode, load the checkpoint, replay the inputs after it), " + session, restore)
                        .atMost(20),
                Figure.wall("Snapshot restore from the journal alone (decode, new sandbox, replay), " + session, replay));
    }

    static Figure grading(Sampler sampler) throws Exception {
        GradingBenchmark bench = new GradingBenchmark();
        bench.aStepOfTenChecks();
        return Figure.wall("Grading a step of ten checks", sampler.measure(bench::gradeAStepOfTenChecks)).atMost(20);
    }
}
