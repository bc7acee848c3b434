package org.laymanlabs.backend.session;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.laymanlabs.backend.storage.PostgresTestDatabase;

/** The restart tests again, on PostgreSQL with the same Flyway migrations (skipped without a server). */
@Tag("postgres")
class SessionRestartOnPostgresTest extends SessionRestartTest {

    private PostgresTestDatabase.Schema schema;

    @BeforeEach
    void newSchema() {
        schema = PostgresTestDatabase.require().newSchema();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    List<String> database() {
        return schema.springArguments();
    }
}
