package org.laymanlabs.sandbox.image.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.laymanlabs.sandbox.image.HistoryEntry;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageConfig;
import org.laymanlabs.sandbox.image.Layer;
import org.laymanlabs.sandbox.image.fs.Diff;

/**
 * Replays an image's real build history, step by step, to make a catalog image: each step adds a
 * layer or changes only the config, with the instruction and comment {@code docker history} shows.
 */
final class Recipe {

    static final String BUILDKIT = "buildkit.dockerfile.v0";

    private Layer top;
    private ImageConfig config;
    private final List<HistoryEntry> history;

    private Recipe(Layer top, ImageConfig config, List<HistoryEntry> history) {
        this.top = top;
        this.config = config;
        this.history = new ArrayList<>(history);
    }

    static Recipe scratch() {
        return new Recipe(null, ImageConfig.empty(), List.of());
    }

    /** {@code FROM base}: shares the base image's very layer objects. */
    static Recipe from(Image base) {
        return new Recipe(base.topLayer().orElse(null), base.config(), base.history());
    }

    Recipe layer(String when, String createdBy, String comment, Diff diff) {
        top = top == null ? Layer.base(diff) : Layer.on(top, diff);
        history.add(HistoryEntry.layer(Instant.parse(when), createdBy, comment));
        return this;
    }

    Recipe meta(String when, String createdBy, UnaryOperator<ImageConfig> change) {
        config = change.apply(config);
        history.add(HistoryEntry.metadata(Instant.parse(when), createdBy, BUILDKIT));
        return this;
    }

    /** A classic-builder step, recorded as {@code /bin/sh -c #(nop) …} with no comment. */
    Recipe nop(String when, String createdBy, UnaryOperator<ImageConfig> change) {
        config = change.apply(config);
        history.add(HistoryEntry.metadata(Instant.parse(when), "/bin/sh -c #(nop) " + createdBy, ""));
        return this;
    }

    /** Sets config that the image's own tooling wrote without a history row. */
    Recipe config(UnaryOperator<ImageConfig> change) {
        config = change.apply(config);
        return this;
    }

    Recipe env(String when, String name, String value) {
        return meta(when, "ENV " + name + "=" + value, c -> c.withEnv(name, value));
    }

    Image build() {
        return Image.create(config, history.get(history.size() - 1).created(), history, top, null);
    }

    /** A real file's text, kept under this package's resources. */
    static String text(String resource) {
        try (InputStream in = Recipe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalog file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
