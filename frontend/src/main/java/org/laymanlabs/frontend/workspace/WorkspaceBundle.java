package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.frontend.BundleUtils;

/**
 * The workspace's share of the production bundle: xterm.js and CodeMirror, about 890 KB that
 * Vaadin puts in a chunk of the workspace route's own and loads on the first navigation to a lab
 * (Flow's {@code window.Vaadin.Flow.loadOnDemand(chunkId)}, as {@code UIInternals} calls it).
 * Fetching and compiling it then is a second or more of the click on a busy machine, so the
 * catalog asks for it once the browser is idle there: the click finds it loaded. Loading it on
 * every page's start ({@code @LoadDependenciesOnStartup}) would make the sign-in page pay for it.
 */
public final class WorkspaceBundle {

    private WorkspaceBundle() {
    }

    /** Asks the page to load the workspace's chunk when it has nothing else to do; loading twice is a no-op. */
    public static void preloadWhenIdle(UI ui) {
        ui.getPage().executeJs("""
                const load = () => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.loadOnDemand
                    && window.Vaadin.Flow.loadOnDemand($0);
                if ('requestIdleCallback' in window) { requestIdleCallback(load, { timeout: 2000 }); }
                else { setTimeout(load, 500); }""", BundleUtils.getChunkId(WorkspaceView.class));
    }
}
