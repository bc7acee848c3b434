package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker rmi}: untag, and delete the image and its unused layers when nothing else holds
 * them. Mirrors moby daemon/images/image_delete.go (ImageDelete, imageDeleteHelper,
 * checkImageDeleteConflict), including its conflict rules and messages. A refused delete changes
 * nothing; as in moby, untagging a name may succeed while deleting the image is quietly skipped.
 */
final class ImageDelete {

    private final ImageStore store;

    ImageDelete(ImageStore store) {
        this.store = store;
    }

    List<DeleteRecord> delete(String refOrId, boolean force, boolean prune) {
        Image image = store.resolve(refOrId);
        List<DeleteRecord> records = new ArrayList<>();
        List<Reference> refs = store.references(image.id());
        boolean removedRepositoryRef = false;
        if (!isIdPrefix(image.id(), refOrId)) {
            if (!force && isSingleReference(refs)) {
                refuseIfUsedByContainer(refOrId, image);
            }
            untagByName(Reference.parse(refOrId), image, records);
            if (!store.references(image.id()).isEmpty()) {
                return records;
            }
            removedRepositoryRef = true;
        } else if (isSingleReference(refs)) {
            Conflict conflict = conflict(image, force ? Mask.HARD : Mask.HARD_AND_CONTAINERS);
            if (conflict != null) {
                throw conflict.exception();
            }
            for (Reference ref : refs) {
                store.removeReference(ref);
                records.add(new DeleteRecord.Untagged(ref));
            }
        }
        deleteImage(image, records, force, prune, removedRepositoryRef);
        return records;
    }

    private void refuseIfUsedByContainer(String refOrId, Image image) {
        List<ContainerUsage.User> users = store.containersUsing(image.id());
        if (!users.isEmpty()) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, String.format(
                    "conflict: unable to remove repository reference \"%s\" (must force) - container %s is using its referenced image %s",
                    refOrId, users.get(0).shortId(), image.id().shortId()));
        }
    }

    /** Removes the named reference; if it was the repository's last tag, its digest references go too. */
    private void untagByName(Reference named, Image image, List<DeleteRecord> records) {
        Reference ref = named.digestIfAny().isPresent() ? named : named.withDefaultTag();
        store.removeReference(ref);
        records.add(new DeleteRecord.Untagged(ref));
        if (ref.digestIfAny().isPresent()) {
            return;
        }
        List<Reference> remaining = store.references(image.id());
        boolean tagLeftInRepository = remaining.stream()
                .anyMatch(r -> r.digestIfAny().isEmpty() && r.name().equals(ref.name()));
        if (!tagLeftInRepository) {
            for (Reference other : remaining) {
                if (other.digestIfAny().isPresent() && other.name().equals(ref.name())) {
                    store.removeReference(other);
                    records.add(new DeleteRecord.Untagged(other));
                }
            }
        }
    }

    /**
     * @param quiet set after a name was untagged: a conflict then ends the delete silently, unless
     *              the image is dangling or used by a container
     */
    private void deleteImage(Image image, List<DeleteRecord> records, boolean force, boolean prune, boolean quiet) {
        Conflict conflict = conflict(image, force ? Mask.HARD : Mask.ALL);
        if (conflict != null) {
            if (quiet && (!isDangling(image) || conflict.used())) {
                return;
            }
            throw conflict.exception();
        }
        Optional<Image> parent = image.parent().flatMap(store::byId);
        for (Reference ref : store.references(image.id())) {
            store.removeReference(ref);
            records.add(new DeleteRecord.Untagged(ref));
        }
        store.forget(image);
        records.add(new DeleteRecord.Deleted(image.id()));
        image.topLayer().ifPresent(top ->
                store.layers().release(top).forEach(l -> records.add(new DeleteRecord.Deleted(l.chainId()))));
        if (prune && parent.isPresent()) {
            deleteImage(parent.get(), records, false, true, true);
        }
    }

    private boolean isDangling(Image image) {
        return store.references(image.id()).isEmpty() && store.children(image.id()).isEmpty();
    }

    private enum Mask { HARD, HARD_AND_CONTAINERS, ALL }

    private record Conflict(Digest imageId, boolean hard, boolean used, String message) {
        DaemonException exception() {
            return new DaemonException(DaemonException.Kind.CONFLICT, String.format("conflict: unable to delete %s (%s) - %s",
                    imageId.shortId(), hard ? "cannot be forced" : "must be forced", message));
        }
    }

    private Conflict conflict(Image image, Mask mask) {
        if (!store.children(image.id()).isEmpty()) {
            return new Conflict(image.id(), true, false, "image has dependent child images");
        }
        List<ContainerUsage.User> users = store.containersUsing(image.id());
        Optional<ContainerUsage.User> running = users.stream().filter(ContainerUsage.User::running).findFirst();
        if (running.isPresent()) {
            return new Conflict(image.id(), true, true, "image is being used by running container " + running.get().shortId());
        }
        if (mask == Mask.HARD) {
            return null;
        }
        if (!users.isEmpty()) {
            return new Conflict(image.id(), false, true, "image is being used by stopped container " + users.get(0).shortId());
        }
        if (mask == Mask.ALL && store.references(image.id()).size() > 1) {
            return new Conflict(image.id(), false, false, "image is referenced in multiple repositories");
        }
        return null;
    }

    private static boolean isIdPrefix(Digest id, String text) {
        return id.toString().startsWith(text) || id.hex().startsWith(text);
    }

    /** True if the references are one tag, plus digest references of that same repository. */
    private static boolean isSingleReference(List<Reference> refs) {
        if (refs.size() <= 1) {
            return refs.size() == 1;
        }
        List<Reference> tags = refs.stream().filter(r -> r.digestIfAny().isEmpty()).toList();
        if (tags.size() > 1) {
            return false;
        }
        Reference single = tags.isEmpty() ? refs.get(0) : tags.get(0);
        List<String> digestRepos = refs.stream().filter(r -> r.digestIfAny().isPresent()).map(Reference::name).distinct().toList();
        return digestRepos.size() == 1 && digestRepos.get(0).equals(single.name());
    }
}
