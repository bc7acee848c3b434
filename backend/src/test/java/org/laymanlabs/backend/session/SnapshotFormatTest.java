package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Snapshots outlive releases: a server reads every older format, writes the oldest one that holds
 * a journal (so a replica still on the previous release can restore it during a rolling upgrade),
 * and refuses a newer or damaged one with a reason an operator can act on.
 */
class SnapshotFormatTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private static final SandboxJournal TYPED_ONLY = SandboxJournal.fresh("demo", 7, START)
            .with(new JournalEntry.Typed(START.plusSeconds(5), "docker run -d nginx"));

    private static String json(byte[] stored) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aJournalOfShellLinesIsStillWrittenInTheFirstFormat() throws IOException {
        assertThat(json(SnapshotCodec.encode(TYPED_ONLY))).startsWith("{\"format\":1,");
    }

    @Test
    void aJournalWithAnApiRequestNeedsTheSecondFormat() throws IOException {
        SandboxJournal withApi = TYPED_ONLY.with(new JournalEntry.ApiCalled(START.plusSeconds(9),
                new ApiRequest("docker", "POST", "/containers/web/stop", Map.of(), new byte[0])));

        byte[] stored = SnapshotCodec.encode(withApi);

        assertThat(json(stored)).startsWith("{\"format\":2,").contains("\"type\":\"api-called\"");
        assertThat(SnapshotCodec.decode(stored)).isEqualTo(withApi);
    }

    @Test
    void aSnapshotOfTheFirstFormatReadsAsTheJournalItWas() throws IOException {
        byte[] firstRelease = gzip("""
                {"format":1,"labId":"demo","seed":7,"startTime":"2026-03-02T09:00:00Z",
                 "entries":[{"type":"typed","at":"2026-03-02T09:00:05Z","line":"docker run -d nginx"}],
                 "now":"2026-03-02T09:00:05Z"}""");

        assertThat(SnapshotCodec.decode(firstRelease)).isEqualTo(TYPED_ONLY);
    }

    @Test
    void aSnapshotFromANewerReleaseIsRefusedWithWhatToDo() throws IOException {
        byte[] newer = gzip("{\"format\":9,\"labId\":\"demo\",\"seed\":7,\"startTime\":\"2026-03-02T09:00:00Z\","
                + "\"entries\":[{\"type\":\"teleported\"}],\"now\":\"2026-03-02T09:00:00Z\"}");

        assertThatThrownBy(() -> SnapshotCodec.decode(newer)).hasMessage("this snapshot was saved by a newer release "
                + "of Layman Labs (snapshot format 9; this release reads formats 1 to 2): upgrade this server");
    }

    @Test
    void aDamagedSnapshotSaysSoInsteadOfFailingSomewhereDeeper() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(SnapshotCodec.encode(TYPED_ONLY), 20);
        byte[] unknownEntry = gzip("{\"format\":1,\"labId\":\"demo\",\"seed\":7,\"startTime\":\"2026-03-02T09:00:00Z\","
                + "\"entries\":[{\"type\":\"teleported\",\"at\":\"2026-03-02T09:00:05Z\"}],\"now\":\"2026-03-02T09:00:05Z\"}");

        assertThatThrownBy(() -> SnapshotCodec.decode(truncated)).hasMessageStartingWith("this snapshot is damaged (");
        assertThatThrownBy(() -> SnapshotCodec.decode(unknownEntry)).hasMessageStartingWith("this snapshot is damaged (")
                .hasMessageContaining("teleported");
        assertThatThrownBy(() -> SnapshotCodec.decode(gzip("{\"labId\":\"demo\"}")))
                .hasMessage("this snapshot has no format number, so it is not a Layman Labs snapshot");
    }
}
