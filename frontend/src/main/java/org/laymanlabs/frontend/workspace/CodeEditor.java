package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
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
import org.laymanlabs.backend.workspace.ManifestProblem;

/** The editor, a CodeMirror 6 custom element (layman-code-editor.ts). */
@Tag("layman-code-editor")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/lang-yaml", version = "6.1.3")
@NpmPackage(value = "@codemirror/legacy-modes", version = "6.5.5")
@NpmPackage(value = "@codemirror/theme-one-dark", version = "6.1.3")
@JsModule("./layman-code-editor.ts")
class CodeEditor extends Component {

    /** Shows a file, highlighted by its name: YAML manifests and Dockerfiles. */
    void open(String path, String text) {
        getElement().callJsFunction("open", text, language(path));
    }

    static String language(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "yaml";
        }
        return name.equals("Dockerfile") || name.endsWith(".Dockerfile") ? "dockerfile" : "text";
    }

    void problems(List<ManifestProblem> problems) {
        JsonArray array = Json.createArray();
        for (int i = 0; i < problems.size(); i++) {
            JsonObject p = Json.createObject();
            p.put("line", problems.get(i).line());
            p.put("message", problems.get(i).message());
            array.set(i, p);
        }
        getElement().callJsFunction("problems", array);
    }

    /** Asks the element for its text; it answers with a {@link SaveEvent}. */
    void requestSave() {
        getElement().callJsFunction("save");
    }

    Registration onEdited(ComponentEventListener<EditedEvent> listener) {
        return addListener(EditedEvent.class, listener);
    }

    Registration onSave(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    @DomEvent("edited")
    public static class EditedEvent extends ComponentEvent<CodeEditor> {
        final String text;

        public EditedEvent(CodeEditor source, boolean fromClient, @EventData("event.detail.text") String text) {
            super(source, fromClient);
            this.text = text;
        }
    }

    /** Ctrl-S or the Save button: the text to save. */
    @DomEvent("save-requested")
    public static class SaveEvent extends ComponentEvent<CodeEditor> {
        final String text;

        public SaveEvent(CodeEditor source, boolean fromClient, @EventData("event.detail.text") String text) {
            super(source, fromClient);
            this.text = text;
        }
    }
}
