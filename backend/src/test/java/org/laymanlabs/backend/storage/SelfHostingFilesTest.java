package org.laymanlabs.backend.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The self-hosting files as far as a machine without a Docker engine can check them (issue 13):
 * the Compose file parses and wires the app to a healthy PostgreSQL with named volumes, the
 * Dockerfile's stages and paths are real, and every environment variable the app reads is in the
 * operator's guide.
 */
class SelfHostingFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(read("docker-compose.yml"));
    }

    @Test
    void composeRunsTheAppBesideAHealthyPostgresqlWithNamedVolumes() throws IOException {
        JsonNode compose = compose();
        JsonNode app = compose.at("/services/app");
        JsonNode db = compose.at("/services/db");

        assertThat(db.get("image").asText()).matches("postgres:1[56](\\..*)?");
        assertThat(db.at("/healthcheck/test").toString()).contains("pg_isready");
        assertThat(app.at("/depends_on/db/condition").asText()).isEqualTo("service_healthy");
        assertThat(app.at("/healthcheck/test").toString()).contains("/actuator/health/readiness");
        assertThat(app.at("/environment/SPRING_DATASOURCE_URL").asText()).isEqualTo("jdbc:postgresql://db:5432/layman");
        assertThat(app.at("/environment/LAYMAN_ADMIN_PASSWORD").asText()).startsWith("${LAYMAN_ADMIN_PASSWORD:?");
        assertThat(app.at("/environment/SPRING_DATASOURCE_PASSWORD").asText())
                .isEqualTo(db.at("/environment/POSTGRES_PASSWORD").asText());
        for (JsonNode service : List.of(app, db)) {
            for (JsonNode volume : service.get("volumes")) {
                String name = volume.asText().substring(0, volume.asText().indexOf(':'));
                assertThat(compose.at("/volumes").has(name)).as("named volume " + name).isTrue();
            }
        }
    }

    @Test
    void everyEnvironmentVariableTheAppOrComposeReadsIsInTheOperatorsGuide() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String file : List.of("backend/src/main/resources/backend.properties",
                "frontend/src/main/resources/application.properties", "docker-compose.yml", ".env.example")) {
            Matcher variable = VARIABLE.matcher(read(file));
            while (variable.find()) {
                read.add(variable.group(1));
            }
        }
        read(".env.example").lines().filter(line -> line.matches("#? ?[A-Z_]+=.*"))
                .forEach(line -> read.add(line.replaceFirst("^# ?", "").substring(0, line.replaceFirst("^# ?", "").indexOf('='))));
        compose().at("/services/app/environment").fieldNames().forEachRemaining(read::add);

        String guide = read("docs/operators.md");
        List<String> missing = new ArrayList<>();
        read.stream().filter(name -> !guide.contains("`" + name + "`")).forEach(missing::add);
        assertThat(missing).as("variables docs/operators.md does not name").isEmpty();
        assertThat(read).contains("LAYMAN_ADMIN_PASSWORD", "LAYMAN_INSTANCE_ID", "LAYMAN_DB_PASSWORD");
    }

    @Test
    void theDockerfileBuildsTheJarTheFrontendModuleNamesAndRunsItAsAnotherUserThanRoot() throws IOException {
        List<String> lines = read("Dockerfile").lines().map(String::strip).toList();
        List<String> stages = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        String finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(read("frontend/pom.xml"))
                .results().findFirst().orElseThrow().group(1);

        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).endsWith(" AS build");
        assertThat(stages.get(1)).isEqualTo("FROM eclipse-temurin:17-jre");
        assertThat(lines).anyMatch(l -> l.contains("./mvnw") && l.contains("-pl frontend -am"));
        assertThat(lines).anyMatch(l -> l.contains("cp frontend/target/" + finalName + ".jar /layman-labs.jar"));
        assertThat(lines).contains("COPY --from=build /layman-labs.jar /app/layman-labs.jar");
        assertThat(Files.isExecutable(ROOT.resolve("mvnw"))).isTrue();
        assertThat(ROOT.resolve("frontend/pom.xml")).exists();
        assertThat(lines).filteredOn(l -> l.startsWith("USER ")).singleElement()
                .satisfies(user -> assertThat(user).isNotIn("USER root", "USER 0"));
        assertThat(String.join("\n", lines)).contains("HEALTHCHECK").contains("/actuator/health/readiness");
        assertThat(read("backend/src/main/resources/backend.properties")).contains("management.endpoint.health.probes.enabled=true");
        assertThat(read(".dockerignore")).contains("**/target", "**/node_modules");
    }
}
