package org.laymanlabs.frontend.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.laymanlabs.LaymanLabsApplication;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.frontend.Chromium;
import org.laymanlabs.frontend.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A learner's path through the workspace in a real Chromium, on the production bundle, with the
 * test labs of src/test/resources/labs: run a lesson's command, check the work until it passes,
 * edit and save a file, reload and find it all again; follow a watch until Ctrl-C and a packet
 * across two nodes. Each test's page is a new browser context, so a learner of its own. Writes
 * time to interactive, command echo latency and grading time to target/screenshots/figures.txt.
 */
@SpringBootTest(classes = LaymanLabsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"layman.data-dir=target/workspace-test-data", "layman.labs-dir=src/test/resources/labs",
                // On, as in production: the figures are those of a learner arriving after the app's start-up.
                "layman.workspace.warm-up=true"})
// The first test opens the first lab of a cold JVM, as the figures say.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final LocatorAssertions.ContainsTextOptions PATIENT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
    private static Playwright playwright;
    private static Browser browser;
    private static final List<String> figures = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    org.laymanlabs.backend.workspace.SandboxWarmUp warmUp;

    @BeforeAll
    static void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        // CI machines are shared: waiting is generous, and the figures, not the timeouts, tell the speed.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("figures.txt"), figures);
        figures.forEach(figure -> System.out.println("Workspace figure: " + figure));
    }

    private Page open(int width, int height) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
        page.setDefaultTimeout(60_000);
        page.setDefaultNavigationTimeout(60_000);
        SignIn.asNewLearner(page, "http://localhost:" + port, accounts);
        return page;
    }

    private static Locator terminalText(Page page) {
        Locator terminal = page.locator("layman-terminal");
        terminal.scrollIntoViewIfNeeded();
        return terminal.locator(".xterm-rows");
    }

    @Test
    @Order(1)
    void aLearnerChecksTheirWorkAndAfterAReloadFindsTheirTerminalAndFilesAgain() {
        Page page = open(1280, 800);
        page.navigate("http://localhost:" + port + "/");
        long catalogShown = System.nanoTime();
        Locator card = page.locator("vaadin-card[data-lab='first-steps']");
        assertThat(card).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog.png")));
        // The catalog loads the workspace's scripts (xterm.js, CodeMirror) while the learner reads it.
        page.waitForFunction("() => !!customElements.get('layman-terminal') && !!customElements.get('layman-code-editor')",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        figures.add("the workspace's scripts loaded on the catalog page " + ms(catalogShown, System.nanoTime())
                + " ms after it was asked for");
        long warmUpWait = System.nanoTime();
        warmUp.finished().join();
        figures.add("the start-up warm-up sandbox was still busy for " + ms(warmUpWait, System.nanoTime())
                + " ms when the first learner was ready to click");
        figures.add("load average (1 min) before the first lab opened: " + loadAverage());

        long navigation = System.nanoTime();
        card.locator("a", new Locator.LocatorOptions().setHasText("Start this lab")).click();
        // The first sandbox of a cold JVM loads the whole runtime; on a busy CI machine that is slow.
        assertThat(page.locator(".lesson-content h1")).hasText("Meet your cluster",
                new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        long lesson = System.nanoTime();
        assertThat(terminalText(page)).containsText("learner@laptop:~$", PATIENT);
        long prompt = System.nanoTime();
        assertThat(page.locator(".sandbox-status")).hasText("Sandbox ready", new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        long ready = System.nanoTime();
        figures.add("cold JVM, first lab opened: lesson shown " + ms(navigation, lesson) + " ms, terminal prompt "
                + ms(navigation, prompt) + " ms, sandbox ready " + ms(navigation, ready) + " ms after the click");
        assertThat(page).hasTitle("First steps with a cluster · Layman Labs");
        assertThat(page.locator(".lesson-content img")).isVisible();

        page.locator(".code-block vaadin-button", new Page.LocatorOptions().setHasText("Run")).first().click();
        assertThat(terminalText(page)).containsText("kubectl get nodes", PATIENT);
        assertThat(terminalText(page)).containsText(java.util.regex.Pattern.compile("worker-2\\s+Ready"), PATIENT);
        assertThat(page.locator(".map-drawing svg")).containsText("worker-1");
        figures.add("command echo latency (Enter to the first output line), 5 runs of `echo hi`: " + echoLatencies(page)
                + " ms (load average " + loadAverage() + ")");

        page.locator(".lesson-nav vaadin-button", new Page.LocatorOptions().setHasText("Next")).click();
        assertThat(page.locator(".lesson-content h1")).hasText("Start a Deployment");
        page.locator(".code-block vaadin-button", new Page.LocatorOptions().setHasText("Run")).first().click();
        assertThat(terminalText(page)).containsText("deployment.apps/web created", PATIENT);
        checkMyWork(page);
        assertThat(page.locator(".check-results")).containsText("✗ Not yet");
        assertThat(page.locator(".check-results")).containsText("The Deployment web asks for three pods");
        page.locator(".check-actions vaadin-button", new Page.LocatorOptions().setHasText("Show a hint")).click();
        assertThat(page.locator(".hints")).containsText("Hint 1: kubectl create deployment web");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-check-failed.png")));

        page.locator(".code-block vaadin-button", new Page.LocatorOptions().setHasText("Run")).nth(2).click();
        assertThat(terminalText(page)).containsText("deployment.apps/web scaled", PATIENT);
        assertThat(page.locator(".map-drawing [data-ref^='pod/default/web-']")).hasCount(3,
                new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        checkMyWork(page);
        assertThat(page.locator(".check-results")).containsText("✓ Passed");
        assertThat(page.locator(".check-timing")).containsText("Checked on the server in");
        figures.add("Check my work, grading wall time on the server: "
                + page.locator(".check-timing").textContent().replaceAll(".*in (\\d+) ms.*", "$1") + " ms");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-check-passed.png")));

        page.locator(".map-drawing [data-ref='node//worker-1'] rect").click(new Locator.ClickOptions().setPosition(30, 12));
        assertThat(page.locator("vaadin-dialog-overlay")).containsText("kind: Node");
        page.keyboard().press("Escape");

        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Editor")).click();
        page.locator("vaadin-text-field[aria-label='New file name'] input, vaadin-text-field input").first().fill("web.yaml");
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("New file")).click();
        // As a learner does, type once the new file is open: the server's opening of it resets the editor's text.
        assertThat(page.locator(".editor-status")).containsText("Editing web.yaml", PATIENT);
        Locator code = page.locator("layman-code-editor .cm-content");
        code.click();
        page.keyboard().insertText("apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  hostnam: web\n");
        assertThat(page.locator(".editor-status")).containsText("unknown field \"spec.hostnam\"", PATIENT);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-problem.png")));
        page.locator(".editor-toolbar vaadin-button", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator(".editor-status")).containsText("Saved web.yaml");
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Terminal")).click();
        typeLine(page, "cat web.yaml");
        assertThat(terminalText(page)).containsText("hostnam: web", PATIENT);

        long reload = System.nanoTime();
        page.reload();
        assertThat(page.locator(".sandbox-status")).hasText("Sandbox ready", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        figures.add("reload of a worked-on lab until its sandbox is ready again: " + ms(reload, System.nanoTime()) + " ms");
        assertThat(terminalText(page)).containsText("hostnam: web", PATIENT);
        assertThat(terminalText(page)).containsText("cat web.yaml");
        assertThat(page.locator(".map-drawing [data-ref^='pod/default/web-']")).hasCount(3);
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Editor")).click();
        page.locator("vaadin-list-box vaadin-item", new Page.LocatorOptions().setHasText("web.yaml")).click();
        assertThat(page.locator("layman-code-editor .cm-content")).containsText("hostnam: web", PATIENT);
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Terminal")).click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace.png")));

        page.locator(".theme-switch").click();
        page.waitForTimeout(500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-dark.png")));
        page.close();
    }

    @Test
    @Order(2)
    void aWatchStreamsUntilCtrlCAndATraceCrossesTwoNodesOnTheMap() {
        Page page = open(1280, 800);
        long navigation = System.nanoTime();
        page.navigate("http://localhost:" + port + "/labs/two-nodes");
        assertThat(page.locator(".lesson-content h1")).hasText("Start a web server", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        long lesson = System.nanoTime();
        assertThat(terminalText(page)).containsText("learner@laptop:~$", PATIENT);
        long prompt = System.nanoTime();
        assertThat(page.locator(".sandbox-status")).hasText("Sandbox ready", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        figures.add("warm JVM, a new learner opens a lab by its address: lesson shown " + ms(navigation, lesson)
                + " ms, terminal prompt " + ms(navigation, prompt) + " ms, sandbox ready " + ms(navigation, System.nanoTime()) + " ms");

        // "Use your own tools": the learner's kubeconfig and DOCKER_HOST, made when they ask.
        page.locator(".workspace-header vaadin-button", new Page.LocatorOptions().setHasText("Use your own tools")).click();
        Locator dialog = page.locator("vaadin-dialog-overlay");
        assertThat(dialog).containsText("Nothing runs on your computer");
        dialog.locator("vaadin-button", new Locator.LocatorOptions().setHasText("Show my connection details")).click();
        assertThat(dialog).containsText("current-context: layman-labs", PATIENT);
        assertThat(dialog).containsText("token: llsbx_");
        assertThat(dialog.locator("a", new Locator.LocatorOptions().setHasText("Download layman-labs.kubeconfig"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("own-tools-kubectl.png")));
        dialog.locator("vaadin-tab", new Locator.LocatorOptions().setHasText("docker")).click();
        assertThat(dialog).containsText("export DOCKER_HOST=tcp://localhost:");
        assertThat(dialog).containsText("\"Authorization\": \"Bearer llsbx_");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("own-tools-docker.png")));
        dialog.locator("vaadin-button", new Locator.LocatorOptions().setHasText("Close")).click();

        typeLine(page, "kubectl run web --image=nginx");
        assertThat(terminalText(page)).containsText("pod/web created", PATIENT);
        page.locator(".code-block vaadin-button", new Page.LocatorOptions().setHasText("Run")).nth(1).click();
        // The watch prints its table, then each change as the pod starts, with no prompt until Ctrl-C.
        assertThat(terminalText(page)).containsText(java.util.regex.Pattern.compile("web\\s+1/1\\s+Running"), PATIENT);
        org.assertj.core.api.Assertions.assertThat(lastRow(page)).doesNotEndWith("~$");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-watch.png")));
        page.locator("layman-terminal .xterm-helper-textarea").focus();
        page.keyboard().press("Control+c");
        assertThat(terminalText(page)).containsText("^C", PATIENT);
        page.waitForCondition(() -> lastRow(page).endsWith("~$"));

        page.locator("layman-terminal .xterm-helper-textarea").focus();
        page.keyboard().type("kubectl describe pod w");
        page.keyboard().press("Tab");
        assertThat(terminalText(page)).containsText("kubectl describe pod web", PATIENT);
        page.keyboard().press("Enter");
        assertThat(terminalText(page)).containsText("Events:", PATIENT);

        checkMyWork(page);
        assertThat(page.locator(".check-results")).containsText("✓ Passed");
        page.locator(".check-actions vaadin-button", new Page.LocatorOptions().setHasText("Next step")).click();
        assertThat(page.locator(".lesson-content h1")).hasText("Follow a packet");

        typeLine(page, "node-shell control-plane trace " + podIp(page) + ":80");
        assertThat(page.locator(".trace-list")).containsText("The packet's path", PATIENT);
        Locator hops = page.locator(".map-drawing .trace-hop circle");
        assertThat(hops.first()).isVisible();
        double firstX = Double.parseDouble(hops.first().getAttribute("cx"));
        double lastX = Double.parseDouble(hops.last().getAttribute("cx"));
        // From the control plane's box to the pod in the worker's: the markers cross the map.
        org.assertj.core.api.Assertions.assertThat(lastX - firstX).isGreaterThan(150);
        Locator packet = page.locator(".map-drawing .trace-packet");
        double startX = packet.boundingBox().x;
        // The dot moves along the path; a loaded machine may paint its next frame late, so wait for it.
        page.waitForCondition(() -> packet.boundingBox().x != startX, new Page.WaitForConditionOptions().setTimeout(15_000));
        page.waitForTimeout(2_500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-trace.png")));
        page.close();
    }

    @Test
    @Order(3)
    void aTabletShowsTheLessonAboveTheWorkALostConnectionComesBackAndABrokenOrMissingLabSaysWhereToGo() {
        Page page = open(820, 1180);
        page.navigate("http://localhost:" + port + "/labs/first-steps");
        assertThat(page.locator(".lesson-content h1")).hasText("Meet your cluster");
        assertThat(terminalText(page)).containsText("learner@laptop:~$", PATIENT);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-tablet.png")).setFullPage(true));

        // A lost connection says so in plain words, and the terminal works again once it is back.
        page.context().setOffline(true);
        assertThat(page.locator("vaadin-connection-indicator")).containsText("The connection to the server was lost",
                PATIENT);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workspace-offline.png")));
        page.context().setOffline(false);
        // As a learner would, type once the page says it is connected again.
        page.waitForFunction("() => window.Vaadin.connectionState && window.Vaadin.connectionState.state === 'connected'",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        typeLine(page, "echo back-online");
        assertThat(terminalText(page)).containsText(java.util.regex.Pattern.compile("echo back-online\\s*back-online\\s*learner@laptop"), PATIENT);

        // A lab with a mistake in it is not offered, and its address says so instead of "no such lab".
        page.navigate("http://localhost:" + port + "/labs/unfinished-lab");
        assertThat(page.locator("main h2")).hasText("This lab cannot be opened right now");
        assertThat(page.locator("main")).containsText("Pick another lab meanwhile");
        assertThat(page).hasTitle("Lab unavailable · Layman Labs");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lab-unavailable.png")));

        page.navigate("http://localhost:" + port + "/labs/no-such-lab");
        assertThat(page.locator("main h2")).containsText("There is no lab called");
        assertThat(page).hasTitle("Lab not found · Layman Labs");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lab-not-found.png")));
        page.close();
    }

    private static void checkMyWork(Page page) {
        Locator results = page.locator(".check-results");
        String before = results.textContent();
        page.locator(".check-actions vaadin-button", new Page.LocatorOptions().setHasText("Check my work")).click();
        page.waitForCondition(() -> !results.textContent().equals(before) && !results.textContent().isBlank(),
                new Page.WaitForConditionOptions().setTimeout(30_000));
    }

    /** The terminal's last row with text: a prompt ({@code …~$}) once a line has ended. */
    private static String lastRow(Page page) {
        return String.valueOf(page.evaluate("""
                () => [...document.querySelectorAll('layman-terminal .xterm-rows > div')]
                    .map((row) => row.textContent.replace(/[\\s\\u00a0]+$/, '')).filter((text) => text).pop() || ''"""));
    }

    private static String loadAverage() {
        return String.format(java.util.Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static void typeLine(Page page, String line) {
        page.locator("layman-terminal .xterm-helper-textarea").focus();
        page.keyboard().type(line);
        page.keyboard().press("Enter");
    }

    /** From the terminal's Enter (its line event) to the output in the DOM, timed in the page itself. */
    private static String echoLatencies(Page page) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String marker = "ECHO-MARK-" + i;
            // As a learner does, type at a prompt: keys pressed while a line still runs are not kept.
            page.waitForCondition(() -> lastRow(page).endsWith("~$"));
            page.locator("layman-terminal .xterm-helper-textarea").focus();
            page.keyboard().type("echo " + marker);
            page.evaluate("""
                    (marker) => {
                      const term = document.querySelector('layman-terminal');
                      const rows = term.querySelector('.xterm-rows');
                      window.__echo = new Promise((resolve) => {
                        setTimeout(() => resolve('no output in 20 s'), 20000);
                        term.addEventListener('line', (e) => {
                          const t0 = performance.now();
                          const seen = () => rows.textContent.split(marker).length > 2;
                          const observer = new MutationObserver(() => {
                            if (seen()) { observer.disconnect(); resolve(Math.round(performance.now() - t0)); }
                          });
                          observer.observe(rows, { childList: true, subtree: true, characterData: true });
                        }, { once: true });
                      });
                    }""", marker);
            page.keyboard().press("Enter");
            runs.add(String.valueOf(page.evaluate("() => window.__echo")));
        }
        return String.join(", ", runs);
    }

    private static String podIp(Page page) {
        typeLine(page, "kubectl get pods -o wide");
        assertThat(terminalText(page)).containsText("10.244.", PATIENT);
        String rows = terminalText(page).textContent();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(10\\.244\\.[12]\\.\\d+)").matcher(rows);
        return m.find() ? m.group(1) : "10.244.1.2";
    }
}
