package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Fault;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

class StepRunnerTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - port: 80
            """;

    @Test
    void aStepBeginsWithItsStarterFilesAndItsFaultsAndItsSolutionIsTypedIntoTheLearnersShell() {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(3, Instant.parse("2026-11-26T09:00:00Z")));
        Step step = new Step("fix", "Fix the selector", "# Fix it\n",
                List.of(new Step.WorkspaceFile("app/svc.yaml", SERVICE)),
                List.of(new Fault.BreakSelector("default", "web", Map.of("app", "wbe"))),
                List.of(), List.of(),
                new Step.Solution(List.of(new Step.WorkspaceFile("app/svc.yaml", SERVICE.replace("web}", "web, tier: front}"))),
                        List.of("kubectl apply -f app/svc.yaml")));
        StepRunner runner = new StepRunner();
        sandbox.workspace().mkdir("/home/learner/app", true);
        sandbox.workspace().write("/home/learner/app/svc.yaml", SERVICE);
        sandbox.shell().run("kubectl apply -f app/svc.yaml");

        runner.begin(step, sandbox);

        assertThat(sandbox.workspace().read("/home/learner/app/svc.yaml")).isEqualTo(SERVICE);
        assertThat(selector(sandbox)).isEqualTo(Map.of("app", "wbe"));

        List<CommandResult> typed = runner.solve(step, sandbox);

        assertThat(typed).singleElement().satisfies(r -> assertThat(r.stdout()).isEqualTo("service/web configured\n"));
        assertThat(selector(sandbox)).isEqualTo(Map.of("app", "web", "tier", "front"));
        assertThat(sandbox.history()).endsWith("kubectl apply -f app/svc.yaml", "kubectl apply -f app/svc.yaml");
    }

    private static Map<String, String> selector(Sandbox sandbox) {
        return sandbox.cluster().api().get(Service.class, "default", "web").orElseThrow().getSpec().getSelector();
    }
}
