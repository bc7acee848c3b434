package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.ImageSummary;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * The rows {@code docker images} prints for image summaries: one per repository and tag (and per
 * digest with {@code --digests}), {@code <none>} for dangling images. Mirrors docker/cli
 * cli/command/formatter/image.go (imageFormat, imageFormatTaggedAndDigest, imageContext).
 */
final class ImageRows {

    static final String ROW_TYPE = "*formatter.imageContext";
    static final Obj HEADER = Obj.map().put("ID", "IMAGE ID").put("Repository", "REPOSITORY").put("Tag", "TAG")
            .put("Digest", "DIGEST").put("CreatedSince", "CREATED").put("CreatedAt", "CREATED AT").put("Size", "SIZE")
            .put("Containers", "CONTAINERS").put("VirtualSize", "SIZE").put("SharedSize", "SHARED SIZE")
            .put("UniqueSize", "UNIQUE SIZE").build();

    private final Instant now;
    private final boolean truncate;
    private final boolean withDigests;

    ImageRows(Instant now, boolean truncate, boolean withDigests) {
        this.now = now;
        this.truncate = truncate;
        this.withDigests = withDigests;
    }

    List<Obj> rows(List<ImageSummary> images) {
        List<Obj> rows = new ArrayList<>();
        for (ImageSummary image : images) {
            if (image.repoTags().isEmpty() && image.repoDigests().isEmpty()) {
                rows.add(row(image, "<none>", "<none>", "<none>"));
            } else {
                rows.addAll(taggedRows(image));
            }
        }
        return rows;
    }

    private List<Obj> taggedRows(ImageSummary image) {
        Map<String, List<String>> tags = new TreeMap<>();
        Map<String, List<String>> digests = new TreeMap<>();
        image.repoTags().forEach(r -> tags.computeIfAbsent(r.familiarName(), k -> new ArrayList<>()).add(r.tag()));
        image.repoDigests().forEach(r -> digests.computeIfAbsent(r.familiarName(), k -> new ArrayList<>())
                .add(r.digest().toString()));
        List<Obj> rows = new ArrayList<>();
        tags.forEach((repo, repoTags) -> {
            List<String> repoDigests = withDigests ? digests.getOrDefault(repo, List.of()) : List.of();
            for (String tag : repoTags) {
                if (repoDigests.isEmpty()) {
                    rows.add(row(image, repo, tag, "<none>"));
                }
                repoDigests.forEach(d -> rows.add(row(image, repo, tag, d)));
            }
            digests.remove(repo);
        });
        digests.forEach((repo, repoDigests) -> {
            if (withDigests) {
                repoDigests.forEach(d -> rows.add(row(image, repo, "<none>", d)));
            } else {
                rows.add(row(image, repo, "<none>", ""));
            }
        });
        return rows;
    }

    private Obj row(ImageSummary image, String repository, String tag, String digest) {
        return Obj.map()
                .put("ID", id(image.id()))
                .put("Repository", repository)
                .put("Tag", tag)
                .put("Digest", digest)
                .put("CreatedSince", Units.humanDuration(Duration.between(image.created(), now)) + " ago")
                .put("CreatedAt", GoTime.string(image.created()))
                .put("Size", Units.humanSizeWithPrecision(image.size(), 3))
                .put("Containers", image.containers() < 0 ? "N/A" : Integer.toString(image.containers()))
                .put("VirtualSize", Units.humanSize(image.size()))
                .put("SharedSize", image.sharedSize() < 0 ? "N/A" : Units.humanSize(image.sharedSize()))
                .put("UniqueSize", image.sharedSize() < 0 ? "N/A" : Units.humanSize(image.size() - image.sharedSize()))
                .build();
    }

    private String id(Digest id) {
        return truncate ? id.shortId() : id.toString();
    }

    /** The first tag as {@code docker system df -v} shows it, or none. */
    static String[] firstTag(ImageSummary image) {
        if (image.repoTags().isEmpty()) {
            return new String[] {"<none>", "<none>"};
        }
        Reference ref = image.repoTags().get(0);
        return new String[] {ref.familiarName(), ref.tag()};
    }
}
