package org.laymanlabs.backend.progress;

import java.time.Instant;
import java.util.List;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Stand-ins until the lab package binds {@link LabCourse} and {@link LabSandboxes} to its lab
 * format and grader: every catalog lab has no steps and the default sandbox shape. An
 * auto-configuration, so that any bean of the app's own wins.
 */
@AutoConfiguration
public class DefaultLabBindings {

    @Bean
    @ConditionalOnMissingBean
    LabCourse labCourse(LabCatalog catalog) {
        return labId -> catalog.find(labId).map(lab -> List.<LabCourse.Step>of());
    }

    @Bean
    @ConditionalOnMissingBean
    LabSandboxes labSandboxes() {
        return new LabSandboxes() {
            @Override
            public Sandbox create(String labId, long seed, Instant startTime) {
                return Sandbox.create(new SandboxSpec(seed, startTime));
            }

            @Override
            public List<CheckOutcome> check(String labId, String stepId, Sandbox sandbox) {
                return List.of();
            }
        };
    }
}
