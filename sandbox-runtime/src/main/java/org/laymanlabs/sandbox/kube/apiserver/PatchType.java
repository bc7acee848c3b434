package org.laymanlabs.sandbox.kube.apiserver;

import java.util.Optional;

/** The patch formats kube-apiserver accepts, by their Content-Type. */
public enum PatchType {
    JSON_MERGE("application/merge-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<PatchType> ofContentType(String contentType) {
        for (PatchType type : values()) {
            if (type.contentType.equals(contentType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
