package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The container-engine issue's scenario, typed into a whole sandbox as a learner would: build
 * "a base OS + a web server + your app", rebuild after changing only the app, run three
 * containers from the image and curl each through its published port.
 */
@DisplayName("A learner builds an image and runs it three times")
class DockerScenarioTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private String ok(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result.stdout();
    }

    @Test
    void oneLayerPerInstructionCacheOnRebuildAndThreeContainersServingTheApp() {
        ok("mkdir app && cd app");
        ok("echo '<h1>my app v1</h1>' > index.html");
        ok("echo 'FROM ubuntu:22.04' > Dockerfile");
        ok("echo 'RUN apt-get update && apt-get install -y nginx' >> Dockerfile");
        ok("echo 'COPY index.html /var/www/html/index.html' >> Dockerfile");
        ok("echo 'CMD [\"nginx\", \"-g\", \"daemon off;\"]' >> Dockerfile");

        String first = ok("docker build -t myapp:1 .");
        assertThat(first).contains("Step 1/4 : FROM ubuntu:22.04", "Step 2/4 : RUN apt-get update && apt-get install -y nginx",
                "Step 3/4 : COPY index.html /var/www/html/index.html", "Successfully tagged myapp:1");

        ok("echo '<h1>my app v2</h1>' > index.html");
        String second = ok("docker build -t myapp:2 .");
        assertThat(second.split("Step 3/4")[0]).contains(" ---> Using cache");
        assertThat(second.split("Step 3/4")[1]).doesNotContain("Using cache");

        for (int i = 1; i <= 3; i++) {
            ok("docker run -d --name web" + i + " -p 808" + i + ":80 myapp:2");
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(ok("curl -s localhost:808" + i)).isEqualTo("<h1>my app v2</h1>\n");
        }
        assertThat(ok("docker ps --format '{{.Names}} {{.Ports}}'")).contains(
                "web1 0.0.0.0:8081->80/tcp", "web2 0.0.0.0:8082->80/tcp", "web3 0.0.0.0:8083->80/tcp");

        String history = ok("docker history myapp:2");
        assertThat(history.lines().filter(line -> line.contains("apt-get update"))).hasSize(1);
        String df = ok("docker system df");
        assertThat(df).containsPattern("(?m)^Containers +3 +3 ");
        assertThat(ok("iptables -t nat -S DOCKER")).contains(
                "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.17.0.2:80");
    }
}
