package org.laymanlabs.backend.web.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.laymanlabs.backend.storage.PostgresTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST API's tests again (accounts, classrooms, attempts, progress, snapshots, tokens), on
 * PostgreSQL with the same Flyway migrations; skipped without a server (issue 13). The schema stays
 * behind: the app's heartbeat would write to it until Spring closes the context after the class,
 * and CI's cluster is thrown away anyway.
 */
@Tag("postgres")
@DirtiesContext
class ApiOnPostgresTest extends ApiTest {

    private static PostgresTestDatabase.Schema schema;

    @BeforeAll
    static void requirePostgres() {
        schema = PostgresTestDatabase.require().newSchema();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> schema.url());
        registry.add("spring.datasource.username", () -> schema.server().user());
        registry.add("spring.datasource.password", () -> schema.server().password());
    }

}
