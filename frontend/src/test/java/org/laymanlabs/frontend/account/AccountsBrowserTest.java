package org.laymanlabs.frontend.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laymanlabs.frontend.AppTest;
import org.laymanlabs.frontend.Chromium;
import org.laymanlabs.frontend.SignIn;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A newcomer in a real Chromium: creates an account, signs in (after one typo), and lands in the catalog. */
@AppTest
class AccountsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

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

    private static com.microsoft.playwright.Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void aNewcomerSignsUpSignsInAndSeesTheCatalogAndAnEmptyProgressPage() {
        String base = "http://localhost:" + port;
        String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        page.setDefaultTimeout(60_000);

        page.navigate(base + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).first().click();
        assertThat(page).hasTitle("Create an account · Layman Labs");
        label(page, "Username").fill(username);
        label(page, "Password").fill("short");
        label(page, "Password again").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(page.locator("vaadin-password-field").first()).hasAttribute("invalid", "");
        screenshot(page, "register-problem.png");

        label(page, "Password").fill(SignIn.PASSWORD);
        label(page, "Password again").fill(SignIn.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(page.locator(".account-notice")).containsText("Your account is ready");
        assertThat(page).hasTitle("Sign in · Layman Labs");
        screenshot(page, "sign-in.png");

        SignIn.submit(page, username, "not my password");
        assertThat(page.locator("vaadin-login-form [part='error-message']").first()).containsText("That did not match");
        screenshot(page, "sign-in-error.png");

        SignIn.submit(page, username, SignIn.PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page).hasTitle("Lab catalog · Layman Labs");
        assertThat(page.locator(".account-bar")).containsText(username);
        assertThat(page.locator("vaadin-card[data-lab='images-and-containers']")).containsText("Start this lab");
        screenshot(page, "catalog-signed-in.png");
        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-side-nav")).containsText("My progress");
        assertThat(page.locator("vaadin-side-nav")).not().containsText("Classrooms");
        assertThat(page.locator("vaadin-side-nav")).not().containsText("Users");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("menu-learner.png")));

        page.navigate(base + "/progress");
        assertThat(page.locator(".empty-state")).containsText("You have not started a lab yet");
        screenshot(page, "my-progress-empty.png");
        page.close();
    }
}
