// The workspace editor: CodeMirror 6 inside a shadow root (BUILD-NOTES: in light DOM under Vaadin
// its styles are lost), with YAML or Dockerfile highlighting and the server's manifest problems
// shown inline as lint diagnostics.
import { EditorView, basicSetup } from 'codemirror';
import { Compartment, EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { StreamLanguage } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { lintGutter, setDiagnostics, Diagnostic } from '@codemirror/lint';
import { oneDark } from '@codemirror/theme-one-dark';

type Problem = { line: number; message: string };

class LaymanCodeEditor extends HTMLElement {
  private view?: EditorView;
  private language = new Compartment();
  private theme = new Compartment();
  private timer?: number;
  private loading = false;

  connectedCallback() {
    if (this.view) {
      return;
    }
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{display:block;height:100%;} .cm-editor{height:100%;font-size:14px;} .cm-scroller{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;}';
    shadow.append(style);
    this.view = new EditorView({
      parent: shadow,
      root: shadow,
      state: this.state(''),
    });
    this.view.contentDOM.setAttribute('aria-label', 'File editor');
    new MutationObserver(() => this.view?.dispatch({ effects: this.theme.reconfigure(this.themeFor()) }))
      .observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
  }

  private themeFor() {
    return document.documentElement.getAttribute('theme')?.includes('dark') ? oneDark : [];
  }

  private state(text: string) {
    return EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        lintGutter(),
        this.language.of([]),
        this.theme.of(this.themeFor()),
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => { this.save(); return true; } }]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !this.loading) {
            window.clearTimeout(this.timer);
            this.timer = window.setTimeout(() => this.dispatchEvent(
              new CustomEvent('edited', { detail: { text: update.state.doc.toString() } })), 400);
          }
        }),
      ],
    });
  }

  /** Server: show a file. */
  open(text: string, language: string) {
    if (!this.view) {
      this.connectedCallback();
    }
    this.loading = true;
    this.view!.setState(this.state(text));
    this.view!.dispatch({ effects: this.language.reconfigure(
      language === 'yaml' ? yaml() : language === 'dockerfile' ? StreamLanguage.define(dockerFile) : []) });
    this.loading = false;
  }

  /** Server: the problems to mark, by line. */
  problems(problems: Problem[]) {
    const view = this.view;
    if (!view) {
      return;
    }
    const doc = view.state.doc;
    const diagnostics: Diagnostic[] = problems
      .filter((p) => p.line >= 1 && p.line <= doc.lines)
      .map((p) => {
        const line = doc.line(p.line);
        return { from: line.from, to: line.to, severity: 'error', message: p.message };
      });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }

  /** The text being edited, for the Save button. */
  save() {
    this.dispatchEvent(new CustomEvent('save-requested', { detail: { text: this.view?.state.doc.toString() ?? '' } }));
  }

  focusEditor() {
    this.view?.focus();
  }
}

customElements.define('layman-code-editor', LaymanCodeEditor);
