package org.laymanlabs.sandbox.image;

/** One line of {@code docker rmi}'s answer (moby ImageDeleteResponseItem). */
public sealed interface DeleteRecord {

    /** A tag or digest reference removed: {@code Untagged: nginx:latest}. */
    record Untagged(Reference reference) implements DeleteRecord {
    }

    /** An image or layer removed: {@code Deleted: sha256:…} (layers by chain ID). */
    record Deleted(Digest digest) implements DeleteRecord {
    }
}
