package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.workspace.LabSandbox;
import org.laymanlabs.backend.workspace.LabSandboxes;
import org.laymanlabs.backend.workspace.TerminalLine;
import org.laymanlabs.frontend.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The lab workspace, {@code /labs/<id>}: the lesson on the left; on the right the terminal and the
 * editor as tabs above the live cluster map. The sandbox is this browser session's own.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "labs", layout = MainLayout.class)
class WorkspaceView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceView.class);

    private final LabCatalog catalog;
    private final LabSandboxes sandboxes;
    private final Lessons lessons;
    private final Optional<WorkChecker> checker;
    final XtermTerminal terminal = new XtermTerminal();
    final TabSheet tabs = new TabSheet();
    EditorPane editor;
    ClusterMap map;
    LessonPanel lesson;
    CheckPanel checks;
    private Lab lab;
    private LabSandbox sandbox;
    private TerminalLine running;
    private AutoCloseable clockRunning;
    private Registration polling;

    WorkspaceView(LabCatalog catalog, LabSandboxes sandboxes, Lessons lessons, ObjectProvider<WorkChecker> checker) {
        this.catalog = catalog;
        this.sandboxes = sandboxes;
        this.lessons = lessons;
        this.checker = Optional.ofNullable(checker.getIfAvailable());
        addClassName("workspace");
    }

    @Override
    public void setParameter(BeforeEvent event, String labId) {
        removeAll();
        lab = catalog.find(labId).orElse(null);
        if (lab == null) {
            add(new H2("There is no lab called “" + labId + "”"),
                    new Paragraph("It may have been renamed or removed. Pick a lab from the catalog."),
                    new Anchor("", "Back to the catalog"));
            return;
        }
        sandbox = SessionSandboxes.of(event.getUI().getSession(), sandboxes, labId);
        build();
    }

    @Override
    public String getPageTitle() {
        return (lab == null ? "Lab not found" : lab.title()) + " · Layman Labs";
    }

    private void build() {
        H2 title = new H2(lab.title());
        Span facts = new Span(lab.level().label() + " · " + lab.minutes() + " min");
        facts.addClassName("lab-facts");
        Button reset = new Button("Reset lab", VaadinIcon.REFRESH.create(), e -> resetSandbox());
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reset.setTooltipText("Start again with a fresh sandbox: your files and cluster go back to the start.");
        Div header = new Div(title, facts, reset);
        header.addClassName("workspace-header");

        List<Lessons.Step> steps = lessons.steps(lab.id());
        lesson = new LessonPanel(steps, path -> lessons.file(lab.id(), path), this::typeIntoTerminal, this::stepChanged);
        checker.ifPresent(c -> {
            checks = new CheckPanel(c, lab.id(), () -> lesson.step, () -> sandbox, () -> lesson.go(lesson.step + 1));
            lesson.add(checks);
        });

        editor = new EditorPane(() -> sandbox);
        map = new ClusterMap(() -> sandbox);
        tabs.add(tabLabel("Terminal", VaadinIcon.TERMINAL), terminal);
        tabs.add(tabLabel("Editor", VaadinIcon.EDIT), editor);
        tabs.addClassName("work-tabs");
        tabs.addSelectedChangeListener(e -> contain(() -> {
            if (tabs.getSelectedIndex() == 0) {
                terminal.focusTerminal();
            } else {
                editor.refreshFiles();
            }
        }));
        H3 mapTitle = new H3("Cluster map");
        mapTitle.addClassName("map-title");
        Div mapSection = new Div(mapTitle, map);
        mapSection.addClassName("map-section");
        Div work = new Div(tabs, mapSection);
        work.addClassName("work-side");
        Div grid = new Div(lesson, work);
        grid.addClassName("workspace-grid");
        add(header, grid);

        terminal.onLine(e -> runLine(e.line));
        terminal.onInterrupt(e -> {
            if (running != null) {
                running.interrupt();
            }
        });
        terminal.onComplete(e -> contain(() -> {
            var completion = sandbox.complete(e.line);
            terminal.completed(completion.line(), completion.candidates());
        }));
        terminal.setHistory(sandbox.history());
        contain(() -> {
            map.refresh();
            editor.refreshFiles();
        });
    }

    private static Span tabLabel(String text, VaadinIcon icon) {
        Span label = new Span(icon.create(), new Span(text));
        label.addClassName("tab-label");
        return label;
    }

    /** A lesson's Run button: show the terminal and type the lines into it. */
    void typeIntoTerminal(List<String> lines) {
        tabs.setSelectedIndex(0);
        lines.forEach(terminal::typeAndRun);
    }

    private void stepChanged() {
        if (checks != null) {
            checks.reset();
        }
    }

    void runLine(String line) {
        UI ui = UI.getCurrent();
        StringBuilder printed = new StringBuilder();
        boolean traced = line.matches("(.*\\s)?trace\\s.*");
        try {
            TerminalLine started = sandbox.start(line, (text, error) -> {
                if (traced) {
                    printed.append(text);
                }
                onUi(ui, () -> terminal.write(text));
            });
            running = started;
            started.finished().whenComplete((status, failure) -> onUi(ui, () -> {
                running = null;
                terminal.finished();
                contain(() -> {
                    if (traced) {
                        map.showTrace(printed.toString());
                    }
                    map.refresh();
                    editor.refreshFiles();
                });
            }));
        } catch (RuntimeException e) {
            log.error("Lab {}: the terminal could not run a line", lab.id(), e);
            terminal.write("\r\n\u001b[31mThe sandbox did not answer. Press Reset lab above to start again with a fresh one.\u001b[0m\r\n");
            terminal.finished();
        }
    }

    /** Runs on the UI: at once when this thread already holds the session, else pushed when it can. */
    private static void onUi(UI ui, Runnable work) {
        if (ui.getSession().hasLock()) {
            work.run();
        } else {
            ui.access(work::run);
        }
    }

    /** Keeps a sandbox failure from reaching the page as a stack trace: a plain message and a way on. */
    void contain(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Lab {}: the workspace failed", lab.id(), e);
            ErrorBanner.show("Something went wrong inside your sandbox. Your lesson is still here; "
                    + "press Reset lab to start the sandbox again.", this::resetSandbox);
        }
    }

    private void resetSandbox() {
        sandbox = SessionSandboxes.reset(UI.getCurrent().getSession(), sandboxes, lab.id());
        stopClock();
        startClock();
        terminal.setHistory(List.of());
        terminal.write("\r\n\u001b[1mA fresh sandbox is ready.\u001b[0m\r\n");
        contain(() -> {
            map.refresh();
            editor.refreshFiles();
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (sandbox != null) {
            startClock();
            event.getUI().setPollInterval(1000);
            polling = event.getUI().addPollListener(e -> contain(map::refresh));
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopClock();
        if (polling != null) {
            polling.remove();
            event.getUI().setPollInterval(-1);
        }
    }

    private void startClock() {
        clockRunning = sandbox.keepTime();
    }

    private void stopClock() {
        if (clockRunning != null) {
            try {
                clockRunning.close();
            } catch (Exception e) {
                log.warn("Lab {}: the sandbox clock did not stop cleanly", lab.id(), e);
            }
            clockRunning = null;
        }
    }
}
