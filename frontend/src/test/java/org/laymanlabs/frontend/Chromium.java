package org.laymanlabs.frontend;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts Debian's Chromium under Playwright for the browser tests, and never lets Playwright
 * download a browser (BUILD-NOTES.md). Without a Chromium the tests are skipped with the reason,
 * except under CI, which installs one and must not skip.
 */
public final class Chromium {

    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private Chromium() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        Path chromium = chromium();
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** The Chromium to drive: $CHROMIUM_PATH, else the usual system locations. */
    static Path chromium() {
        Optional<Path> found = Stream.concat(
                        Optional.ofNullable(System.getenv("CHROMIUM_PATH")).stream(), CANDIDATES.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String reason = "no Chromium found (tried $CHROMIUM_PATH and " + CANDIDATES
                    + "); install it with: apt-get install -y chromium";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the browser tests, but " + reason);
            }
            System.out.println("Skipping browser test: " + reason);
            Assumptions.abort(reason);
        }
        return found.get();
    }
}
