package org.laymanlabs.backend.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests may use, from {@code LAYMAN_TEST_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD} (or the system properties {@code layman.test.postgres.url},
 * {@code .user}, {@code .password}); .ci/run starts one (.ci/start-postgres). Each test gets a
 * schema of its own, so runs never see each other's rows. Without a server the PostgreSQL runs
 * are skipped with the reason printed; on CI ({@code CI=true}) a server that is named but cannot
 * be reached fails them instead.
 */
public record PostgresTestDatabase(String url, String user, String password) {

    /** The configured server, or the calling test is skipped (aborted) with the reason printed. */
    public static PostgresTestDatabase require() {
        String url = setting("url");
        if (url == null) {
            skip("no PostgreSQL server for the tests: set LAYMAN_TEST_POSTGRES_URL (and _USER, _PASSWORD), "
                    + "or run eval \"$(.ci/start-postgres)\" first");
        }
        PostgresTestDatabase server = new PostgresTestDatabase(url, setting("user"), setting("password"));
        try (Connection ignored = server.connect(url)) {
            return server;
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + url + " cannot be reached: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            skip(reason);
            return null;
        }
    }

    private static String setting(String name) {
        String value = System.getProperty("layman.test.postgres." + name,
                System.getenv("LAYMAN_TEST_POSTGRES_" + name.toUpperCase()));
        return value == null || value.isBlank() ? null : value;
    }

    private static void skip(String reason) {
        System.out.println("Skipping the PostgreSQL run: " + reason);
        Assumptions.abort(reason);
    }

    /** A new, empty schema on the server. */
    public Schema newSchema() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create schema " + name);
        return new Schema(this, name);
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private void execute(String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** One test's schema: the JDBC URL that makes it the current schema, as Spring arguments too. */
    public record Schema(PostgresTestDatabase server, String name) {

        public String url() {
            return server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        /** The command-line arguments that point the app at this schema (Flyway migrates it on start). */
        public List<String> springArguments() {
            return List.of("--spring.datasource.url=" + url(),
                    "--spring.datasource.username=" + server.user(),
                    "--spring.datasource.password=" + server.password());
        }

        public void drop() {
            server.execute("drop schema " + name + " cascade");
        }
    }
}
