package org.laymanlabs.backend.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A journal as stored: gzip-compressed JSON, which shrinks the repeated shell lines and manifests well. */
public final class SnapshotCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SnapshotCodec() {
    }

    public static byte[] encode(SandboxJournal journal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SandboxJournal decode(byte[] stored) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            SandboxJournal journal = JSON.readValue(gzip, SandboxJournal.class);
            if (journal.format() != SandboxJournal.FORMAT) {
                throw new IllegalStateException("snapshot format " + journal.format() + " is not one this release reads");
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
