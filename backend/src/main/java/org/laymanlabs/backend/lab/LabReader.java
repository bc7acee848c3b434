package org.laymanlabs.backend.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads one lab.yaml into a {@link Lab}, naming the file, line and column of anything wrong. */
final class LabReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private LabReader() {
    }

    /**
     * @param source how to name the file in errors, e.g. {@code labs/web/lab.yaml}
     * @param folder the name of the folder that holds it, which must equal the lab's id
     */
    static Lab read(InputStream yaml, String source, String folder) throws LabLoadException {
        LabFile file;
        try (JsonParser parser = YAML.createParser(yaml)) {
            // A file of nothing but comments has no first token; Jackson would call that "no content".
            file = parser.nextToken() == null ? null : YAML.readValue(parser, LabFile.class);
        } catch (JsonProcessingException e) {
            throw new LabLoadException(at(source, e.getLocation()) + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LabLoadException(source + ": cannot be read: " + e.getMessage());
        }
        if (file == null) {
            throw new LabLoadException(source + ": the file is empty");
        }
        List<String> problems = problems(file, folder);
        if (!problems.isEmpty()) {
            throw new LabLoadException(source + ": " + String.join("; ", problems));
        }
        LabFile.Metadata m = file.metadata();
        return new Lab(m.id(), m.title().strip(), m.summary().strip(), m.level(), m.minutes(),
                m.concepts() == null ? List.of() : m.concepts());
    }

    private static List<String> problems(LabFile file, String folder) {
        List<String> problems = new ArrayList<>();
        if (!LabFile.API_VERSION.equals(file.apiVersion())) {
            problems.add("apiVersion must be " + LabFile.API_VERSION + ", was " + file.apiVersion());
        }
        if (!LabFile.KIND.equals(file.kind())) {
            problems.add("kind must be " + LabFile.KIND + ", was " + file.kind());
        }
        LabFile.Metadata m = file.metadata();
        if (m == null) {
            problems.add("metadata is required");
            return problems;
        }
        if (!folder.equals(m.id())) {
            problems.add("metadata.id must equal the folder name '" + folder + "', was " + m.id());
        }
        if (m.title() == null || m.title().isBlank()) {
            problems.add("metadata.title is required");
        }
        if (m.summary() == null || m.summary().isBlank()) {
            problems.add("metadata.summary is required");
        }
        if (m.level() == null) {
            problems.add("metadata.level is required: beginner, intermediate or advanced");
        }
        if (m.minutes() == null || m.minutes() < 1) {
            problems.add("metadata.minutes must be a whole number of minutes, at least 1");
        }
        return problems;
    }

    private static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source + ": ";
        }
        return source + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }
}
