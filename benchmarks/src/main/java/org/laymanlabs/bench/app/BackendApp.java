package org.laymanlabs.bench.app;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The app's backend as the load driver serves it: the real services, REST API, security and H2
 * database on a real Tomcat, without the Vaadin UI (the browser's terminal sends its lines to the
 * same {@code Attempts} service the REST API calls).
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
                "--layman.data-dir=" + dataDir.toAbsolutePath(),
                "--layman.engine-api.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    }

    /** The port Tomcat listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
