package org.laymanlabs.backend.lab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The shape of labs/&lt;id&gt;/lab.yaml as far as the catalog reads it. The sandbox spec and the
 * steps are read by the lab runner; the catalog skips them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LabFile(String apiVersion, String kind, Metadata metadata) {

    static final String API_VERSION = "laymanlabs.org/v1alpha1";
    static final String KIND = "Lab";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String id, String title, String summary, Level level, Integer minutes, List<String> concepts) {
    }
}
