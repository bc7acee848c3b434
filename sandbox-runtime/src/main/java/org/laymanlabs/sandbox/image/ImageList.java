package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** {@code GET /images/json}: which images to list and their summaries. Mirrors moby daemon/images/images.go Images. */
final class ImageList {

    private final ImageStore store;

    ImageList(ImageStore store) {
        this.store = store;
    }

    /**
     * @param all              also list intermediate images (untagged ones that are parents of others)
     * @param referencePattern a glob such as {@code nginx} or {@code nginx:1.*}; null for all
     */
    List<ImageSummary> list(boolean all, String referencePattern) {
        List<ImageSummary> listed = new ArrayList<>();
        for (ImageSummary summary : summaries(false)) {
            List<Reference> tags = matching(summary.repoTags(), referencePattern);
            List<Reference> digests = matching(summary.repoDigests(), referencePattern);
            if (referencePattern != null && tags.isEmpty() && digests.isEmpty()) {
                continue;
            }
            boolean intermediate = tags.isEmpty() && digests.isEmpty() && !store.children(summary.id()).isEmpty();
            if (intermediate && !all) {
                continue;
            }
            listed.add(new ImageSummary(summary.id(), tags, digests, summary.created(), summary.size(),
                    summary.sharedSize(), summary.containers()));
        }
        return listed;
    }

    /** Every image, newest first, with shared sizes and container counts (the {@code system df} view). */
    List<ImageSummary> summaries(boolean withUsage) {
        List<ImageSummary> summaries = new ArrayList<>();
        for (Image image : store.images()) {
            List<Reference> refs = store.references(image.id());
            long shared = image.layers().stream().filter(l -> store.layers().references(l) > 1).mapToLong(Layer::size).sum();
            summaries.add(new ImageSummary(image.id(),
                    refs.stream().filter(r -> r.digestIfAny().isEmpty()).toList(),
                    refs.stream().filter(r -> r.digestIfAny().isPresent()).toList(),
                    image.created(), image.size(), withUsage ? shared : -1,
                    withUsage ? store.containersUsing(image.id()).size() : -1));
        }
        summaries.sort(Comparator.comparing(ImageSummary::created).reversed()
                .thenComparing(s -> s.repoTags().isEmpty() ? "" : s.repoTags().get(0).toString()));
        return summaries;
    }

    private static List<Reference> matching(List<Reference> refs, String pattern) {
        if (pattern == null) {
            return refs;
        }
        Pattern glob = glob(pattern);
        String normalized = normalized(pattern);
        return refs.stream().filter(r -> glob.matcher(r.familiarString()).matches()
                || glob.matcher(r.familiarName()).matches()
                || r.toString().equals(normalized) || r.repository().toString().equals(normalized)).toList();
    }

    private static String normalized(String pattern) {
        try {
            return Reference.parse(pattern).toString();
        } catch (InvalidReferenceException e) {
            return pattern;
        }
    }

    /** Go's path.Match: {@code *} and {@code ?} match within one path element. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
