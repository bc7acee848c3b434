package org.laymanlabs.sandbox.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.ClusterSpec;

/** What a checkpoint's bytes promise: refused, never misread, when they are not what this build wrote against this base. */
class CheckpointFormatTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private static Sandbox laptop(Instant start) {
        return Sandbox.create(new SandboxSpec(5, start, ClusterSpec.none(), List.of(), List.of(), List.of()));
    }

    @Test
    void bytesThatAreNotACheckpointAreRefused() {
        assertThatThrownBy(() -> Checkpoints.restore("a journal, not a checkpoint".getBytes()))
                .isInstanceOf(CheckpointRefused.class).hasMessage("not a sandbox checkpoint");
        assertThatThrownBy(() -> Checkpoints.restore(new byte[] {'L', 'L', 'C', 'P', 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}))
                .isInstanceOf(CheckpointRefused.class).hasMessage("a checkpoint of format 9; this build reads format 1");
    }

    @Test
    void aCheckpointStoredAgainstABaseNeedsThatBase() {
        CheckpointBase base = Checkpoints.base(laptop(Instant.parse("2026-01-01T00:00:00Z")));
        CheckpointBase other = Checkpoints.base(laptop(Instant.parse("2026-02-01T00:00:00Z")));
        Sandbox sandbox = laptop(START);
        sandbox.shell().run("echo hello > notes.txt");

        byte[] checkpoint = Checkpoints.save(sandbox, base);

        assertThatThrownBy(() -> Checkpoints.restore(checkpoint))
                .isInstanceOf(CheckpointRefused.class)
                .hasMessage("the checkpoint was stored against another base than this server's for its lab");
        assertThatThrownBy(() -> Checkpoints.restore(checkpoint, other)).isInstanceOf(CheckpointRefused.class);
        assertThat(Checkpoints.restore(checkpoint, base).shell().run("cat notes.txt").stdout()).isEqualTo("hello\n");
    }

    @Test
    void aCheckpointNamesItsBase() {
        CheckpointBase base = Checkpoints.base(laptop(Instant.parse("2026-01-01T00:00:00Z")));
        Sandbox sandbox = laptop(START);

        assertThat(Checkpoints.baseId(Checkpoints.save(sandbox, base))).isEqualTo(base.id()).isNotZero();
        assertThat(Checkpoints.baseId(Checkpoints.save(sandbox))).isZero();
        assertThatThrownBy(() -> Checkpoints.baseId("LLCP".getBytes())).isInstanceOf(CheckpointRefused.class);
    }

    @Test
    void aStoredBaseReadBackRestoresTheCheckpointsStoredAgainstIt() {
        CheckpointBase base = Checkpoints.base(laptop(Instant.parse("2026-01-01T00:00:00Z")));
        Sandbox sandbox = laptop(START);
        sandbox.shell().run("echo kept > notes.txt");
        byte[] checkpoint = Checkpoints.save(sandbox, base);

        CheckpointBase readBack = CheckpointBase.fromStored(base.stored());

        assertThat(readBack.id()).isEqualTo(base.id());
        assertThat(base.stored().length).isLessThan(Checkpoints.save(laptop(START)).length * 2);
        assertThat(Checkpoints.restore(checkpoint, readBack).shell().run("cat notes.txt").stdout()).isEqualTo("kept\n");
    }

    @Test
    void aDamagedStoredBaseIsRefused() {
        byte[] stored = Checkpoints.base(laptop(START)).stored();
        for (int at : new int[] {0, 6, 11, stored.length / 2, stored.length - 1}) {
            byte[] damaged = stored.clone();
            damaged[at] ^= 0x41;
            assertThatThrownBy(() -> CheckpointBase.fromStored(damaged)).as("a byte changed at " + at)
                    .isInstanceOf(CheckpointRefused.class);
        }
        assertThatThrownBy(() -> CheckpointBase.fromStored(java.util.Arrays.copyOf(stored, stored.length - 5)))
                .isInstanceOf(CheckpointRefused.class);
        assertThatThrownBy(() -> CheckpointBase.fromStored(new byte[3])).isInstanceOf(CheckpointRefused.class)
                .hasMessage("not a stored checkpoint base");
    }

    @Test
    void aBaseMakesTheCheckpointOfASandboxLikeItSmall() {
        CheckpointBase base = Checkpoints.base(laptop(Instant.parse("2026-01-01T00:00:00Z")));
        Sandbox sandbox = laptop(START);

        assertThat(Checkpoints.save(sandbox, base).length).isLessThan(Checkpoints.save(sandbox).length / 3);
    }

    @Test
    void aDamagedCheckpointIsRefused() {
        Sandbox sandbox = laptop(START);
        byte[] checkpoint = Checkpoints.save(sandbox);
        for (int at : new int[] {10, 20, checkpoint.length / 2, checkpoint.length - 1}) {
            byte[] damaged = checkpoint.clone();
            damaged[at] ^= 0x41;
            assertThatThrownBy(() -> Checkpoints.restore(damaged)).as("a byte changed at " + at)
                    .isInstanceOf(CheckpointRefused.class);
        }
        byte[] cut = java.util.Arrays.copyOf(checkpoint, checkpoint.length - 7);
        assertThatThrownBy(() -> Checkpoints.restore(cut)).isInstanceOf(CheckpointRefused.class);
    }

    @Test
    void theSameSandboxIsWrittenToTheSameBytes() {
        assertThat(Checkpoints.save(laptop(START))).isEqualTo(Checkpoints.save(laptop(START)));
    }
}
