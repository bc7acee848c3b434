package org.laymanlabs.frontend.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laymanlabs.frontend.AppTest;
import org.laymanlabs.frontend.Chromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A visitor opens the home page in a real Chromium and finds the lab catalog. */
@AppTest
class CatalogBrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        // The first page of a cold app on a shared CI machine can take longer than Playwright's 5 s default.
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

    @Test
    void theHomePageShowsTheCatalogWithThePlaceholderLab() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        page.navigate("http://localhost:" + port + "/");

        Locator card = page.locator("vaadin-card[data-lab='images-and-containers']");
        assertThat(card).isVisible();
        assertThat(card).containsText("Images and containers");
        assertThat(card).containsText("Beginner · 20 min");
        assertThat(page).hasTitle("Lab catalog · Layman Labs");
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("Catalog");

        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/catalog.png")).setFullPage(true));
    }
}
