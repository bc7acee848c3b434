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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabCourse;
import org.laymanlabs.backend.session.HistoryLine;
import org.laymanlabs.backend.workspace.LabSandbox;
import org.laymanlabs.backend.workspace.LearnerSandboxes;
import org.laymanlabs.backend.workspace.OwnTools;
import org.laymanlabs.backend.workspace.TerminalLine;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.account.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab workspace, {@code /labs/<id>}: the lesson on the left; on the right the terminal and the
 * editor as tabs above the live cluster map. It works on the learner's attempt at the lab, whose
 * sandbox session journals every line, save, check and step, so a reload or a server restart finds
 * it all again. The lesson shows at once; the sandbox is built or restored meanwhile.
 */
@jakarta.annotation.security.PermitAll
@Route(value = "labs", layout = MainLayout.class)
class WorkspaceView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceView.class);

    private final LabCatalog catalog;
    private final Lessons lessons;
    private final SignedIn signedIn;
    private final Attempts attempts;
    private final LearnerSandboxes sandboxes;
    private final Grading grading;
    private final LabCourse course;
    private final OwnTools ownTools;
    final XtermTerminal terminal = new XtermTerminal();
    final TabSheet tabs = new TabSheet();
    final Span status = new Span("Starting your sandbox…");
    EditorPane editor;
    ClusterMap map;
    LessonPanel lesson;
    CheckPanel checks;
    private Lab lab;
    private Caller caller;
    private UUID attemptId;
    private LabSandbox sandbox;
    private final Foreground work = new Foreground(this);
    private boolean ready;
    private boolean broken;
    private Registration polling;
    private boolean unavailable;

    WorkspaceView(LabCatalog catalog, Lessons lessons, SignedIn signedIn, Attempts attempts, LearnerSandboxes sandboxes,
                  Grading grading, LabCourse course, OwnTools ownTools) {
        this.catalog = catalog;
        this.lessons = lessons;
        this.signedIn = signedIn;
        this.attempts = attempts;
        this.sandboxes = sandboxes;
        this.grading = grading;
        this.course = course;
        this.ownTools = ownTools;
        addClassName("workspace");
    }

    @Override
    public void setParameter(BeforeEvent event, String labId) {
        removeAll();
        unavailable = false;
        lab = catalog.find(labId).orElse(null);
        if (lab == null && catalog.folders().contains(labId)) {
            add(new H2("This lab cannot be opened right now"),
                    new Paragraph("Its author left a mistake in it, so it is not offered until they fix it (the lab "
                            + "editor shows them where). Nothing of yours is lost. Pick another lab meanwhile."),
                    new Anchor("", "Back to the catalog"));
            unavailable = true;
            return;
        }
        if (lab == null) {
            add(new H2("There is no lab called “" + labId + "”"),
                    new Paragraph("It may have been renamed or removed. Pick a lab from the catalog."),
                    new Anchor("", "Back to the catalog"));
            return;
        }
        try {
            caller = signedIn.required();
            attemptId = attempts.startOrResume(caller, labId).id();
            sandbox = sandboxes.of(caller, attemptId);
        } catch (RuntimeException e) {
            log.error("Lab {}: the learner's attempt could not be opened", labId, e);
            add(new H2("This lab could not be opened"),
                    new Paragraph("Something went wrong on our side while preparing your sandbox. Your earlier work "
                            + "is kept. Reload the page to try again, or pick another lab."),
                    new Anchor("labs/" + labId, "Try again"), new Span(" · "), new Anchor("", "Back to the catalog"));
            lab = null;
            return;
        }
        build();
    }

    @Override
    public String getPageTitle() {
        return (lab != null ? lab.title() : unavailable ? "Lab unavailable" : "Lab not found") + " · Layman Labs";
    }

    private void build() {
        H2 title = new H2(lab.title());
        Span facts = new Span(lab.level().label() + " · " + lab.minutes() + " min");
        facts.addClassName("lab-facts");
        status.addClassName("sandbox-status");
        status.getElement().setAttribute("aria-live", "polite");
        Button resetStep = new Button("Reset step", VaadinIcon.ROTATE_LEFT.create(), e -> resetStep());
        resetStep.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resetStep.setTooltipText("Go back to how this step began: later changes to your files and cluster are undone.");
        Button resetLab = new Button("Reset lab", VaadinIcon.REFRESH.create(), e -> resetLab());
        resetLab.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resetLab.setTooltipText("Start the whole lab again with a fresh sandbox.");
        Button yourTools = new Button("Use your own tools", VaadinIcon.LAPTOP.create(), e -> new OwnToolsDialog(
                host -> ownTools.connect(caller, attemptId, host), () -> ownTools.disconnect(caller, attemptId)).open());
        yourTools.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        yourTools.setTooltipText("Drive this sandbox with the kubectl and docker on your own computer.");
        Div header = new Div(title, facts, status, yourTools, resetStep, resetLab);
        header.addClassName("workspace-header");

        List<Lessons.Step> steps = lessons.steps(lab.id());
        lesson = new LessonPanel(steps, path -> lessons.file(lab.id(), path), this::typeIntoTerminal, this::stepChanged);
        checks = new CheckPanel(new AttemptChecker(grading, course, caller, () -> attemptId, lab.id()),
                () -> lesson.current().map(Lessons.Step::id).orElse(""), () -> lesson.go(lesson.step + 1), this::contain);
        checks.setVisible(!steps.isEmpty());
        lesson.add(checks);

        editor = new EditorPane(() -> sandbox);
        map = new ClusterMap(() -> sandbox);
        tabs.add(tabLabel("Terminal", VaadinIcon.TERMINAL), terminal);
        tabs.add(tabLabel("Editor", VaadinIcon.EDIT), editor);
        tabs.addClassName("work-tabs");
        tabs.addSelectedChangeListener(e -> contain(() -> {
            if (tabs.getSelectedIndex() == 0) {
                terminal.focusTerminal();
            } else if (ready) {
                editor.refreshFiles();
            }
        }));
        H3 mapTitle = new H3("Cluster map");
        mapTitle.addClassName("map-title");
        Div mapSection = new Div(mapTitle, map);
        mapSection.addClassName("map-section");
        Div workSide = new Div(tabs, mapSection);
        workSide.addClassName("work-side");
        Div grid = new Div(lesson, workSide);
        grid.addClassName("workspace-grid");
        add(header, grid);

        terminal.onLine(e -> work.run(e.line));
        terminal.onInterrupt(e -> work.interrupt());
        terminal.onComplete(e -> contain(() -> {
            var completion = sandbox.complete(e.line);
            terminal.completed(completion.line(), completion.candidates());
        }));
    }

    LabSandbox sandbox() {
        return sandbox;
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

    /** Moving on to a step begins it in the sandbox, once: its starter files and faults, journaled. */
    private void stepChanged(Lessons.Step step) {
        contain(() -> {
            attempts.beginStep(caller, attemptId, step.id());
            checks.reset();
            if (ready) {
                map.refresh();
                editor.refreshFiles();
            }
        });
    }

    /**
     * Builds or restores the sandbox off the request thread, then fills the terminal, the map, the
     * editor and the lesson's place: the page is usable while a long journal replays.
     */
    private void load(UI ui) {
        UUID attempt = attemptId;
        CompletableFuture.supplyAsync(() -> {
            sandbox.ready().join();
            return new Loaded(attempts.currentStep(caller, attempt), sandbox.scrollback(), sandbox.prompt());
        }).whenComplete((loaded, failure) -> new PagePush(ui).send(() -> {
            if (failure != null) {
                log.error("Lab {}: the sandbox could not be built or restored", lab.id(), failure);
                status.setText("Your sandbox could not start");
                show(Trouble.starting(failure));
                broken = true;
                return;
            }
            ready = true;
            broken = false;
            status.setText("Sandbox ready");
            lesson.showStep(loaded.step());
            terminal.restore(loaded.scrollback(), loaded.prompt());
            contain(() -> {
                checks.reset();
                map.refresh();
                editor.refreshFiles();
            });
        }));
    }

    private record Loaded(String step, List<HistoryLine> scrollback, String prompt) {
    }

    private void retry() {
        ready = false;
        status.setText("Starting your sandbox…");
        getUI().ifPresent(this::load);
    }

    private void resetStep() {
        String stepId = lesson.current().map(Lessons.Step::id).orElse(null);
        if (stepId == null) {
            resetLab();
            return;
        }
        contain(() -> {
            work.cutOff();
            attempts.resetStep(caller, attemptId, stepId);
            terminal.clear();
            terminal.write("\u001b[1mThis step is back to how it began.\u001b[0m\r\n");
            terminal.restore(sandbox.scrollback(), sandbox.prompt());
            checks.reset();
            map.refresh();
            editor.refreshFiles();
            broken = false;
            ready = true;
            status.setText("Sandbox ready");
        });
    }

    private void resetLab() {
        contain(() -> {
            work.cutOff();
            attemptId = attempts.resetLab(caller, attemptId).id();
            sandbox = sandboxes.of(caller, attemptId);
            terminal.clear();
            terminal.write("\u001b[1mA fresh sandbox is ready: the lab starts again from the first step.\u001b[0m\r\n");
            terminal.restore(List.of(), sandbox.prompt());
            lesson.go(0);
            checks.reset();
            map.refresh();
            editor.refreshFiles();
        });
        broken = false;
    }

    /** Keeps a failure from reaching the page as a stack trace: a plain message and ways on. */
    void contain(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Lab {}: the workspace failed", lab.id(), e);
            broken = true;
            show(Trouble.working(e));
        }
    }

    /** The trouble's message with its way forward first, then the others that may help. */
    private void show(Trouble trouble) {
        List<ErrorBanner.Action> actions = new java.util.ArrayList<>();
        for (Trouble.Way way : Trouble.Way.values()) {
            if (way == trouble.way()) {
                actions.add(0, action(way));
            } else if (way != Trouble.Way.RELOAD) {
                actions.add(action(way));
            }
        }
        ErrorBanner.show(trouble.message(), actions);
    }

    private ErrorBanner.Action action(Trouble.Way way) {
        return new ErrorBanner.Action(way.label, switch (way) {
            case TRY_AGAIN -> this::retry;
            case RESET_STEP -> this::resetStep;
            case RESET_LAB -> this::resetLab;
            case RELOAD -> () -> getUI().ifPresent(ui -> ui.getPage().reload());
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (sandbox != null) {
            load(event.getUI());
            event.getUI().setPollInterval(1000);
            polling = event.getUI().addPollListener(e -> {
                if (ready && !broken) {
                    contain(map::refresh);
                }
            });
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        work.cutOff();
        if (polling != null) {
            polling.remove();
            event.getUI().setPollInterval(-1);
        }
    }
}
