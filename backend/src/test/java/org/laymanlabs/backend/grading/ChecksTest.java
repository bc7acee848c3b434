package org.laymanlabs.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.kube.api.ApiResources;

/**
 * Every check kind, passing and failing, with the message the learner reads. One sandbox is set
 * up as a learner would leave it (nginx published on 8080, a finished busybox, a Deployment
 * behind a Service, a manifest in the workspace), and the checks only look at it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksTest {

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - port: 80
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web-direct
            spec:
              clusterIP: None
              selector: {app: web}
              ports:
              - port: 80
            """;

    private final Grader grader = new Grader();
    private Sandbox sandbox;

    @BeforeAll
    void aLearnersSandbox() {
        sandbox = Sandbox.create(new SandboxSpec(5, Instant.parse("2026-11-26T09:00:00Z")).withManifests(List.of(WEB)));
        sandbox.shell().run("docker run -d --name web1 -p 8080:80 nginx");
        sandbox.shell().run("docker run --name done busybox true");
        sandbox.shell().run("echo 'kind: Service' > web.yaml");
    }

    private CheckResult run(Check check) {
        return grader.run(check, sandbox);
    }

    private static CheckResult passed(String name, String message) {
        return new CheckResult(name, Verdict.PASS, message);
    }

    private static CheckResult failed(String name, String message) {
        return new CheckResult(name, Verdict.FAIL, message);
    }

    private static ObjectExpression predicate(String cel) throws ObjectExpression.Invalid {
        return ObjectExpression.predicate(cel);
    }

    @Nested
    class ObjectState {

        private ObjectCheck deployment(String expression) throws ObjectExpression.Invalid {
            return new ObjectCheck("ready", ApiResources.DEPLOYMENTS, "default", Optional.of("web"), predicate(expression),
                    Optional.of(ObjectExpression.value("string(object.status.readyReplicas) + ' ready replicas'")),
                    "deployment web with 3 ready replicas");
        }

        @Test
        void passesWhenTheExpressionHoldsAndSaysWhatItFound() throws Exception {
            assertThat(run(deployment("object.status.readyReplicas == 2")))
                    .isEqualTo(passed("ready", "Found 2 ready replicas, as expected."));
        }

        @Test
        void failsSayingWhatItExpectedAndWhatItFound() throws Exception {
            assertThat(run(deployment("object.status.readyReplicas == 3"))).isEqualTo(failed("ready",
                    "Expected deployment web with 3 ready replicas, but found 2 ready replicas."));
        }

        @Test
        void failsWhenTheObjectIsMissing() throws Exception {
            ObjectCheck check = new ObjectCheck("svc", ApiResources.SERVICES, "default", Optional.of("frontend-svc"),
                    predicate("object.spec.ports[0].targetPort == 5000"), Optional.empty(),
                    "service frontend-svc with targetPort 5000");

            assertThat(run(check)).isEqualTo(failed("svc", "Expected service frontend-svc with targetPort 5000, "
                    + "but found no service named frontend-svc in namespace default."));
        }

        @Test
        void looksAtEveryObjectThroughObjects() throws Exception {
            ObjectCheck check = new ObjectCheck("pods", ApiResources.PODS, "default", Optional.empty(),
                    predicate("objects.filter(p, p.metadata.labels.app == 'web').size() == 2"), Optional.empty(),
                    "two pods labelled app=web");

            assertThat(run(check)).isEqualTo(passed("pods", "Found two pods labelled app=web, as expected."));
        }

        @Test
        void aFieldTheObjectLacksFailsTheCheckWithCelsReason() throws Exception {
            ObjectCheck check = new ObjectCheck("sel", ApiResources.SERVICES, "default", Optional.of("web"),
                    predicate("object.spec.externalName == 'x'"), Optional.empty(), "an external name");

            assertThat(run(check)).isEqualTo(failed("sel", "Expected an external name, but found service web, for "
                    + "which object.spec.externalName == 'x' is not true (evaluation error at <input>:11: key 'externalName' is not present in map.)."));
        }
    }

    @Nested
    class Request {

        private RequestCheck fromOutside(String url, OptionalInt status, Optional<String> body) {
            return new RequestCheck("req", new Origin.Outside(), url, Optional.empty(), 1, status, body, OptionalInt.empty());
        }

        @Test
        void passesWhenTheAnswerHasTheStatusAndTheBody() {
            assertThat(run(fromOutside("http://localhost:8080/", OptionalInt.of(200), Optional.of("Welcome to nginx"))))
                    .isEqualTo(passed("req", "Sent 1 request from outside the cluster to http://localhost:8080/: "
                            + "1 × status 200."));
        }

        @Test
        void failsOnAnotherStatus() {
            assertThat(run(fromOutside("http://localhost:8080/nope", OptionalInt.of(200), Optional.empty())))
                    .isEqualTo(failed("req", "Expected a request from outside the cluster to http://localhost:8080/nope "
                            + "to get status 200, but found 1 × status 404."));
        }

        @Test
        void failsWithCurlsErrorWhenNothingListens() {
            assertThat(run(fromOutside("http://localhost:9090/", OptionalInt.of(200), Optional.empty())))
                    .isEqualTo(failed("req", "Expected a request from outside the cluster to http://localhost:9090/ to get "
                            + "status 200, but found 1 × curl: (7) Failed to connect to localhost port 9090: Connection refused."));
        }

        @Test
        void failsWhenTheNameDoesNotResolve() {
            assertThat(run(fromOutside("http://frontend-svc/", OptionalInt.empty(), Optional.empty())))
                    .isEqualTo(failed("req", "Expected a request from outside the cluster to http://frontend-svc/ to get "
                            + "an answer, but found curl: (6) Could not resolve host: frontend-svc."));
        }

        @Test
        void aSpreadOverEndpointsNeedsThatManyDifferentAnswerers() {
            // Two nginx pods answer, so a spread over two can be met and a spread over three cannot.
            RequestCheck two = new RequestCheck("spread", new Origin.Node("worker-1"), "http://web.default.svc/",
                    Optional.empty(), 20, OptionalInt.empty(), Optional.empty(), OptionalInt.of(2));
            RequestCheck three = new RequestCheck("spread", new Origin.Node("worker-1"), "http://web.default.svc/",
                    Optional.empty(), 20, OptionalInt.empty(), Optional.empty(), OptionalInt.of(3));

            assertThat(run(two).verdict()).isEqualTo(Verdict.PASS);
            assertThat(run(three)).satisfies(result -> {
                assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
                assertThat(result.message()).startsWith("Expected each of 20 requests from node worker-1 to "
                        + "http://web.default.svc/ to get an answer, from at least 3 different endpoints, but found");
            });
        }

        @Test
        void aHeadlessServicesNameLeadsStraightToOneOfItsPods() {
            RequestCheck check = new RequestCheck("headless", new Origin.Node("worker-1"), "http://web-direct.default.svc/",
                    Optional.empty(), 1, OptionalInt.of(200), Optional.of("Welcome to nginx!"), OptionalInt.empty());

            assertThat(run(check).verdict()).as(run(check).message()).isEqualTo(Verdict.PASS);
        }

        @Test
        void failsWhenThePodToSendFromDoesNotExist() {
            RequestCheck check = new RequestCheck("pod", new Origin.Pod("client"), "http://web/", Optional.empty(), 1,
                    OptionalInt.empty(), Optional.empty(), OptionalInt.empty());

            assertThat(run(check)).isEqualTo(failed("pod", "Expected a request from pod client to http://web/ to get "
                    + "an answer, but found no running pod client to send them from."));
        }
    }

    @Nested
    class Trace {

        @Test
        void passesWhenThePacketCrossesTheChainAndEndsAtALabelledPod() {
            TraceCheck check = new TraceCheck("path", new Origin.Node("worker-1"), "web", 80, Optional.of("KUBE-SEP-*"),
                    Map.of("app", "web"));

            CheckResult result = run(check);

            assertThat(result.verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.message()).startsWith("Traced web:80 from node worker-1: a packet that crossed "
                    + "OUTPUT → KUBE-SERVICES → KUBE-SVC-").contains(" → KUBE-SEP-").contains(" and ended in pod web-");
        }

        @Test
        void failsWhenThePacketMissesTheChain() {
            TraceCheck check = new TraceCheck("nat", new Origin.Outside(), "localhost", 8080, Optional.of("KUBE-NODEPORTS"),
                    Map.of());

            assertThat(run(check)).isEqualTo(failed("nat", "Expected a packet from outside the cluster to localhost:8080 "
                    + "to cross the chain KUBE-NODEPORTS, but found a packet that crossed OUTPUT → POSTROUTING → PREROUTING "
                    + "→ INPUT and ended in laptop."));
        }
    }

    @Nested
    class Images {

        @Test
        void passesForAnImageWithItsLayersAndBase() {
            assertThat(run(new ImageCheck("img", "nginx", true, OptionalInt.of(7), Optional.of("debian:bookworm-slim"))))
                    .isEqualTo(passed("img", "Found image nginx with 7 layers, built on debian:bookworm-slim."));
        }

        @Test
        void failsOnTheWrongLayerCount() {
            assertThat(run(new ImageCheck("img", "nginx", true, OptionalInt.of(3), Optional.empty())))
                    .isEqualTo(failed("img", "Expected image nginx with 3 layers, but found image nginx with 7 layers."));
        }

        @Test
        void failsForAnImageThatIsNotThere() {
            assertThat(run(new ImageCheck("img", "redis", true, OptionalInt.empty(), Optional.empty())))
                    .isEqualTo(failed("img", "Expected image redis, but found no image redis (docker images does not list it)."));
        }

        @Test
        void canAskForAnImageToBeGone() {
            assertThat(run(new ImageCheck("gone", "redis", false, OptionalInt.empty(), Optional.empty())))
                    .isEqualTo(passed("gone", "No image redis is left, as expected."));
        }
    }

    @Nested
    class Containers {

        @Test
        void passesForARunningContainerThatPublishesItsPort() {
            assertThat(run(new ContainerCheck("c", Optional.of("web1"), Optional.empty(),
                    Optional.of(ContainerStatus.RUNNING), OptionalInt.of(8080), OptionalInt.empty(), 1)))
                    .isEqualTo(passed("c", "Found container web1 running publishing port 8080, as expected."));
        }

        @Test
        void passesForAContainerThatExitedWithItsCode() {
            assertThat(run(new ContainerCheck("c", Optional.of("done"), Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), OptionalInt.of(0), 1)))
                    .isEqualTo(passed("c", "Found container done exited (0), as expected."));
        }

        @Test
        void failsSayingTheStateItFound() {
            assertThat(run(new ContainerCheck("c", Optional.of("web1"), Optional.empty(),
                    Optional.of(ContainerStatus.EXITED), OptionalInt.empty(), OptionalInt.empty(), 1)))
                    .isEqualTo(failed("c", "Expected container web1 exited, but found container web1 running publishing port 8080."));
        }

        @Test
        void countsTheContainersOfAnImage() {
            assertThat(run(new ContainerCheck("many", Optional.empty(), Optional.of("nginx"),
                    Optional.of(ContainerStatus.RUNNING), OptionalInt.empty(), OptionalInt.empty(), 3)))
                    .isEqualTo(failed("many", "Expected 3 containers from image nginx running, but found container web1 "
                            + "running publishing port 8080."));
        }

        @Test
        void failsForAContainerThatDoesNotExist() {
            assertThat(run(new ContainerCheck("c", Optional.of("web9"), Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), OptionalInt.empty(), 1)))
                    .isEqualTo(failed("c", "Expected container web9, but found no container named web9."));
        }
    }

    @Nested
    class WorkspaceFiles {

        @Test
        void passesWhenTheFileHasTheText() {
            assertThat(run(new FileCheck("f", "web.yaml", true, Optional.of("kind: Service"),
                    Optional.of(Pattern.compile("^kind: ", Pattern.MULTILINE)))))
                    .isEqualTo(passed("f", "Found ~/web.yaml with what it needs, as expected."));
        }

        @Test
        void failsWhenTheTextIsMissing() {
            assertThat(run(new FileCheck("f", "web.yaml", true, Optional.of("targetPort: 5000"), Optional.empty())))
                    .isEqualTo(failed("f", "Expected a file ~/web.yaml containing 'targetPort: 5000', but found "
                            + "~/web.yaml without 'targetPort: 5000'."));
        }

        @Test
        void failsWhenTheFileIsMissing() {
            assertThat(run(new FileCheck("f", "Dockerfile", true, Optional.empty(), Optional.empty())))
                    .isEqualTo(failed("f", "Expected a file ~/Dockerfile, but found no file ~/Dockerfile."));
        }
    }

    @Nested
    class History {

        @Test
        void passesWithTheLineTheLearnerTyped() {
            assertThat(run(new HistoryCheck("h", Pattern.compile("^docker run .*-p 8080:80"), "docker run -p")))
                    .isEqualTo(passed("h", "You ran: docker run -d --name web1 -p 8080:80 nginx"));
        }

        @Test
        void failsSayingWhatWasTypedInstead() {
            assertThat(run(new HistoryCheck("h", Pattern.compile("^kubectl get"), "kubectl get")))
                    .isEqualTo(failed("h", "Expected kubectl get in your command history, but found 3 commands, none of "
                            + "them kubectl get (the last was: echo 'kind: Service' > web.yaml)."));
        }
    }
}
