package org.laymanlabs.backend.progress;

import java.util.List;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.backend.session.ShellLab;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Binds the ports to a small two-step course over the real catalog's labs, standing in for the lab
 * package's lab format and grader in session, progress and API tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCourse {

    public static final String LAB = "images-and-containers";

    @Bean
    @Primary
    LabSandboxes shellLab() {
        return new ShellLab();
    }

    @Bean
    @Primary
    LabCourse twoSteps(LabCatalog catalog) {
        return labId -> catalog.find(labId).map(lab -> List.of(
                new LabCourse.Step("web", "Run a web server", List.of("Try docker run.", "docker run -d --name web nginx")),
                new LabCourse.Step("notes", "Take notes", List.of())));
    }
}
