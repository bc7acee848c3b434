package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;
import org.laymanlabs.backend.session.HistoryLine;

/**
 * The terminal, an xterm.js custom element (layman-terminal.ts). The browser edits the line and
 * keeps ↑/↓ history; the server runs each line, completes on Tab and writes the output.
 */
@Tag("layman-terminal")
@NpmPackage(value = "@xterm/xterm", version = "5.5.0")
@NpmPackage(value = "@xterm/addon-fit", version = "0.10.0")
@JsModule("./layman-terminal.ts")
class XtermTerminal extends Component {

    XtermTerminal() {
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "Terminal");
    }

    void write(String text) {
        getElement().callJsFunction("write", text);
    }

    /** The line ended; the terminal shows {@code prompt} next (a container's shell's, or bash's), or the same one when null. */
    void finished(String prompt) {
        getElement().callJsFunction("finished", prompt);
    }

    void completed(String line, List<String> candidates) {
        getElement().callJsFunction("completed", line, array(candidates));
    }

    /**
     * Shows the scrollback of the learner's sandbox (each line after a prompt, then its output) and
     * puts its lines into ↑/↓ history; a terminal the learner already typed into keeps its screen.
     * {@code prompt} is the one to show next: a container's shell's while one reads the terminal.
     */
    void restore(List<HistoryLine> scrollback, String prompt) {
        JsonArray entries = Json.createArray();
        for (int i = 0; i < scrollback.size(); i++) {
            JsonObject entry = Json.createObject();
            entry.put("line", scrollback.get(i).line());
            entry.put("output", scrollback.get(i).output());
            if (scrollback.get(i).prompt() != null) {
                entry.put("prompt", scrollback.get(i).prompt());
            }
            entries.set(i, entry);
        }
        getElement().callJsFunction("restore", entries, prompt);
    }

    /** Empties the screen and the scrollback, as {@code clear} does. */
    void clear() {
        getElement().callJsFunction("clearScreen");
    }

    /** Types a command into the prompt and presses Enter, as a lesson's Run button does. */
    void typeAndRun(String command) {
        getElement().callJsFunction("typeAndRun", command);
    }

    void focusTerminal() {
        getElement().callJsFunction("focusTerminal");
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = Json.createArray();
        for (int i = 0; i < values.size(); i++) {
            array.set(i, values.get(i));
        }
        return array;
    }

    Registration onLine(com.vaadin.flow.component.ComponentEventListener<LineEvent> listener) {
        return addListener(LineEvent.class, listener);
    }

    Registration onComplete(com.vaadin.flow.component.ComponentEventListener<CompleteEvent> listener) {
        return addListener(CompleteEvent.class, listener);
    }

    Registration onInterrupt(com.vaadin.flow.component.ComponentEventListener<InterruptEvent> listener) {
        return addListener(InterruptEvent.class, listener);
    }

    /** Enter: the learner submitted a line. */
    @DomEvent("line")
    public static class LineEvent extends ComponentEvent<XtermTerminal> {
        final String line;

        public LineEvent(XtermTerminal source, boolean fromClient, @EventData("event.detail.line") String line) {
            super(source, fromClient);
            this.line = line;
        }
    }

    /** Tab, with the line up to the cursor. */
    @DomEvent("complete")
    public static class CompleteEvent extends ComponentEvent<XtermTerminal> {
        final String line;

        public CompleteEvent(XtermTerminal source, boolean fromClient, @EventData("event.detail.line") String line) {
            super(source, fromClient);
            this.line = line;
        }
    }

    /** Ctrl-C: to the line that runs, or to one the sandbox still runs from before. */
    @DomEvent("interrupt")
    public static class InterruptEvent extends ComponentEvent<XtermTerminal> {
        public InterruptEvent(XtermTerminal source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
