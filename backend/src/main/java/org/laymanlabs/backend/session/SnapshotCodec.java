package org.laymanlabs.backend.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A journal as stored: gzip-compressed JSON, which shrinks the repeated shell lines and manifests
 * well. It is written in the oldest format that holds it, so that during a rolling upgrade a
 * replica still on the previous release can restore a sandbox that a new one saved, unless the
 * sandbox used what only the new release has. Every older format is read.
 */
public final class SnapshotCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SnapshotCodec() {
    }

    public static byte[] encode(SandboxJournal journal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, journal.inFormat(journal.oldestFormatThatHoldsIt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A checksum of where the journal came from and its first {@code entries} inputs, as they are
     * stored: the same in every JVM, unlike the records' hash codes.
     */
    static long fingerprint(SandboxJournal journal, int entries) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        try {
            crc.update(JSON.writeValueAsBytes(new SandboxJournal(SandboxJournal.FORMAT, journal.labId(), journal.seed(),
                    journal.startTime(), journal.entries().subList(0, entries), journal.startTime())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return crc.getValue();
    }

    public static SandboxJournal decode(byte[] stored) {
        JsonNode tree;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            tree = JSON.readTree(gzip);
        } catch (IOException e) {
            throw new IllegalStateException("this snapshot is damaged (" + e.getMessage() + ")", e);
        }
        int format = tree.path("format").asInt(0);
        if (format > SandboxJournal.FORMAT) {
            throw new IllegalStateException("this snapshot was saved by a newer release of Layman Labs (snapshot format "
                    + format + "; this release reads formats 1 to " + SandboxJournal.FORMAT + "): upgrade this server");
        }
        if (format < 1) {
            throw new IllegalStateException("this snapshot has no format number, so it is not a Layman Labs snapshot");
        }
        try {
            return JSON.treeToValue(tree, SandboxJournal.class).inFormat(SandboxJournal.FORMAT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("this snapshot is damaged (" + e.getOriginalMessage() + ")", e);
        }
    }
}
