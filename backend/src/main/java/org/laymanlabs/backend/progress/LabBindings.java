package org.laymanlabs.backend.progress;

import java.time.Instant;
import java.util.List;
import org.laymanlabs.backend.grading.CheckResult;
import org.laymanlabs.backend.grading.Grader;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.LabDefinition;
import org.laymanlabs.backend.lab.Step;
import org.laymanlabs.backend.lab.StepRunner;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.backend.session.SandboxProperties;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxLimits;
import org.laymanlabs.sandbox.SandboxSpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds what sessions and progress need from a lab ({@link LabSandboxes}, {@link LabCourse}) to
 * the lab format and the grader: a lab's sandbox is built from its lab.yaml with the lab's own
 * seed (so that a lab behaves the same for every learner, as its self-test saw it), its first
 * step's starter files and faults in place, and a later step's put in place by {@link StepRunner}
 * when the learner begins it; a step's checks run through {@link Grader}. An
 * auto-configuration, so that a test's own beans win.
 */
@AutoConfiguration
public class LabBindings {

    @Bean
    @ConditionalOnMissingBean
    LabCourse labCourse(LabCatalog catalog) {
        return labId -> catalog.definition(labId).map(definition -> definition.steps().stream()
                .map(step -> new LabCourse.Step(step.id(), step.title(), step.hints())).toList());
    }

    @Bean
    @ConditionalOnMissingBean
    LabSandboxes labSandboxes(LabCatalog catalog, Grader grader, StepRunner steps,
                              ObjectProvider<SandboxProperties> properties) {
        SandboxLimits limits = properties.getIfAvailable(SandboxProperties::defaults).limits();
        return new LabSandboxes() {
            @Override
            public Sandbox create(String labId, long seed, Instant startTime) {
                LabDefinition definition = catalog.definition(labId).orElse(null);
                if (definition == null) {
                    return Sandbox.create(new SandboxSpec(seed, startTime).withLimits(limits));
                }
                Sandbox sandbox = Sandbox.create(definition.sandboxStartingAt(startTime).withLimits(limits));
                definition.steps().stream().findFirst().ifPresent(first -> steps.begin(first, sandbox));
                return sandbox;
            }

            @Override
            public List<CheckOutcome> check(String labId, String stepId, Sandbox sandbox) {
                List<Step> all = catalog.definition(labId).map(LabDefinition::steps).orElse(List.of());
                return all.stream().filter(step -> step.id().equals(stepId)).findFirst()
                        .map(step -> grader.grade(stepId, step.checks(), sandbox).checks().stream()
                                .map(LabBindings::outcome).toList())
                        .orElse(List.of());
            }

            @Override
            public void beginStep(String labId, String stepId, Sandbox sandbox) {
                catalog.definition(labId).stream().flatMap(definition -> definition.steps().stream())
                        .filter(step -> step.id().equals(stepId)).findFirst()
                        .ifPresent(step -> steps.begin(step, sandbox));
            }
        };
    }

    private static LabSandboxes.CheckOutcome outcome(CheckResult result) {
        return new LabSandboxes.CheckOutcome(result.name(), result.passed(), result.message());
    }
}
