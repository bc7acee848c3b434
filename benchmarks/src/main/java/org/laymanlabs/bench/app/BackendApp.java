package org.laymanlabs.bench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The app's backend as the load driver serves it: the real services, REST API, security and H2
 * database on a real Tomcat, without the Vaadin UI (the browser's terminal sends its lines to the
 * same {@code Attempts} service the REST API calls). {@link AppProcess} runs it in a JVM of its
 * own, as a server runs, so that its CPU and heap are its own.
 */
@SpringBootApplication(scanBasePackages = "org.laymanlabs.backend")
@EntityScan("org.laymanlabs.backend")
@EnableJpaRepositories("org.laymanlabs.backend")
public class BackendApp {

    /** Starts the app on a free port with its data in {@code dataDir} and the labs built into the backend. */
    public static ConfigurableApplicationContext start(Path dataDir) {
        SpringApplication app = new SpringApplication(BackendApp.class);
        // As command-line arguments, which outrank backend.properties, the file they import.
        return app.run("--spring.config.import=classpath:backend.properties", "--server.port=0",
                "--layman.data-dir=" + dataDir.toAbsolutePath(), "--layman.engine-api.enabled=false",
                "--layman.kube-api.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    }

    /** The port Tomcat listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Gives the app {@code count} learner accounts, {@code learner0} and on, all with the same
     * password. Signing up is not what the load figure measures, and each sign-up and sign-in
     * hashes a password with bcrypt at the app's cost (about 0.1 s of CPU each), which for 2,000
     * learners would take longer than the measurement. So the rows go straight into the table,
     * all with one hash made once at bcrypt's lowest cost: Spring Security checks it as any other
     * bcrypt hash, and a learner's sign-in stays the real form login.
     */
    static void seedLearners(ConfigurableApplicationContext context, int count, String password) {
        String hash = new BCryptPasswordEncoder(4).encode(password);
        Timestamp now = Timestamp.from(Instant.now());
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {UUID.randomUUID(), "learner" + i, hash, "LEARNER", now});
        }
        jdbc.batchUpdate("insert into account (id, username, password_hash, role, created_at, disabled) "
                + "values (?, ?, ?, ?, ?, false)", rows);
    }

    /**
     * {@code BackendApp DATA_DIR LEARNERS PASSWORD}: starts the app, seeds its learners, and writes
     * its port to {@code DATA_DIR/port} once it serves (written whole, then renamed into place).
     */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ConfigurableApplicationContext context = start(dataDir);
        seedLearners(context, Integer.parseInt(args[1]), args[2]);
        Path partial = dataDir.resolve("port.partial");
        Files.writeString(partial, Integer.toString(port(context)));
        Files.move(partial, dataDir.resolve("port"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
