package org.laymanlabs.frontend.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabAttempt;
import org.laymanlabs.frontend.AppTest;
import org.laymanlabs.frontend.Chromium;
import org.laymanlabs.frontend.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An instructor in a real Chromium opens a classroom, adds a learner who has been working on a lab,
 * assigns the lab and sees the learner's progress in the grid; then the lab editor shows a
 * problem at its line, and an admin's users page lists the accounts.
 */
@AppTest
class InstructorBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String LAB = "images-and-containers";
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Attempts attempts;
    @Autowired
    Grading grading;
    @Autowired
    LabCatalog catalog;

    @BeforeAll
    static void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    private Page signedIn(String username) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        page.setDefaultTimeout(60_000);
        SignIn.as(page, "http://localhost:" + port, username, SignIn.PASSWORD);
        return page;
    }

    @Test
    void anInstructorSeesALearnersProgressInTheirClassroomsGrid() {
        String learner = SignIn.newAccount(accounts, "ada", Role.LEARNER);
        Caller ada = accounts.caller(learner);
        LabAttempt attempt = attempts.startOrResume(ada, LAB);
        String firstStep = catalog.definition(LAB).orElseThrow().steps().get(0).id();
        grading.nextHint(ada, attempt.id(), firstStep);
        grading.check(ada, attempt.id(), firstStep);
        String base = "http://localhost:" + port;

        Page page = signedIn(SignIn.newAccount(accounts, "grace", Role.INSTRUCTOR));
        page.navigate(base + "/classrooms");
        assertThat(page.locator(".empty-state")).containsText("No classrooms yet");
        screenshot(page, "classrooms-empty.png");
        page.getByLabel("New classroom").fill("Monday evening class");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open classroom")).click();
        assertThat(page.locator("main h2")).hasText("Monday evening class");
        assertThat(page.locator(".progress-table .empty-state")).containsText("No learners yet");

        page.getByLabel("Add a learner").fill(learner);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        page.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Images and containers")).click();
        Locator grid = page.locator(".progress-table vaadin-grid");
        assertThat(grid).containsText(learner);
        assertThat(grid).containsText("0 of " + catalog.definition(LAB).orElseThrow().steps().size());
        assertThat(grid).containsText("failed");
        screenshot(page, "classroom-grid.png");

        page.navigate(base + "/classrooms");
        assertThat(page.locator("vaadin-card[data-classroom='Monday evening class']")).containsText("1 lab assigned");
        screenshot(page, "classrooms.png");

        page.navigate(base + "/author/labs");
        Locator source = page.locator("vaadin-text-area.lab-source textarea");
        assertThat(page.locator(".lab-verdict")).containsText("No problems");
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Preview")).click();
        assertThat(page.locator(".lesson-preview")).containsText("Step 1");
        screenshot(page, "lab-editor-preview.png");
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Problems")).click();
        source.fill(source.inputValue().replaceFirst("level: ", "levle: "));
        assertThat(page.locator(".lab-problems")).containsText("Line ");
        assertThat(page.locator(".draft-status")).containsText("Draft saved");
        screenshot(page, "lab-editor-problem.png");
        // The draft is the instructor's own and comes back when they reopen the editor, until they discard it.
        page.reload();
        assertThat(page.locator(".draft-status")).containsText("Your draft, saved");
        org.assertj.core.api.Assertions.assertThat(source.inputValue()).contains("levle: ");
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Discard draft")).click();
        assertThat(page.locator(".draft-status")).containsText("Draft discarded");
        org.assertj.core.api.Assertions.assertThat(source.inputValue()).doesNotContain("levle: ");
        assertThat(page.locator(".lab-verdict")).containsText("No problems");
        page.close();

        Page admin = signedIn(SignIn.newAccount(accounts, "root", Role.ADMIN));
        admin.navigate(base + "/admin/users");
        assertThat(admin.locator("vaadin-grid")).containsText(learner);
        screenshot(admin, "admin-users.png");
        admin.close();
    }
}
