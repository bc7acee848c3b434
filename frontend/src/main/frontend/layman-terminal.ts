// The web terminal: xterm.js showing a bash-like prompt. Line editing, history and Ctrl-C/Ctrl-L
// happen here, at once; the line itself, Tab completion and the output come from the server.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';

const PROMPT = '\x1b[1;32mlearner@laptop\x1b[0m:\x1b[1;34m~\x1b[0m$ ';
const LAPTOP = /^(learner@laptop):(.*)\$ $/;

/**
 * The prompt as the server gives it, in colour where Ubuntu's bash would colour it (the laptop's
 * user@host and directory); a container's shell prompts in plain text (ash's "/ # ", bash's "root@id:/# ").
 */
function coloured(prompt: string): string {
  const laptop = LAPTOP.exec(prompt);
  return laptop ? `\x1b[1;32m${laptop[1]}\x1b[0m:\x1b[1;34m${laptop[2]}\x1b[0m$ ` : prompt;
}

const DARK = { background: '#0b1220', foreground: '#e2e8f0', cursor: '#93c5fd', selectionBackground: '#334155' };
const LIGHT = {
  background: '#f8fafc', foreground: '#0f172a', cursor: '#1d4ed8', selectionBackground: '#bfdbfe',
  black: '#0f172a', red: '#b91c1c', green: '#15803d', yellow: '#854d0e', blue: '#1d4ed8', magenta: '#7e22ce',
  cyan: '#0e7490', white: '#475569', brightBlack: '#334155', brightRed: '#b91c1c', brightGreen: '#15803d',
  brightYellow: '#854d0e', brightBlue: '#1d4ed8', brightMagenta: '#7e22ce', brightCyan: '#0e7490', brightWhite: '#0f172a',
};

let cssAdded = false;

class LaymanTerminal extends HTMLElement {
  private term?: Terminal;
  private fit?: FitAddon;
  private line = '';
  private cursor = 0;
  private history: string[] = [];
  private historyIndex = 0;
  private busy = false;
  /** Whether the learner has submitted a line on this page yet. */
  private touched = false;
  private queue: string[] = [];
  private resizeObserver?: ResizeObserver;
  /** The prompt shown before the line being typed: bash's, or a container's shell's during docker exec -it. */
  private promptText = PROMPT;
  /** Whether a container's shell reads the terminal: there Ctrl-D ends its input, as it does in a real one. */
  private inContainer = false;

  connectedCallback() {
    if (!cssAdded) {
      const style = document.createElement('style');
      style.textContent = String(xtermCss);
      document.head.append(style);
      cssAdded = true;
    }
    if (this.term) {
      return;
    }
    const term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: this.dark() ? DARK : LIGHT,
    });
    this.fit = new FitAddon();
    term.loadAddon(this.fit);
    term.open(this);
    term.textarea?.setAttribute('aria-label', 'Terminal: type a command and press Enter');
    term.onData((data) => this.onData(data));
    this.term = term;
    this.resizeObserver = new ResizeObserver(() => this.refit());
    this.resizeObserver.observe(this);
    new MutationObserver(() => { term.options.theme = this.dark() ? DARK : LIGHT; })
      .observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    term.write('Welcome! This terminal is a sandbox of your own: nothing you type can break anything.\r\n'
      + 'Type \x1b[1mhelp\x1b[0m to list the commands, or press \x1b[1mRun\x1b[0m beside a command in the lesson.\r\n\r\n');
    this.prompt();
    this.refit();
    this.dispatchEvent(new CustomEvent('terminal-ready'));
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
  }

  private dark() {
    return document.documentElement.getAttribute('theme')?.includes('dark') ?? false;
  }

  private refit() {
    try {
      if (this.offsetWidth > 0 && this.offsetHeight > 0) {
        this.fit?.fit();
      }
    } catch (e) {
      // A terminal in a hidden tab has no size yet; it fits when it is shown.
    }
  }

  /**
   * Server: the sandbox's scrollback, oldest first, shown as it was typed and answered, and its lines
   * put into ↑/↓ history. A terminal the learner already typed into keeps its screen.
   */
  restore(entries: { line: string; output: string; prompt?: string }[], prompt?: string | null) {
    this.history = entries.map((e) => e.line).filter((l) => l.trim() !== '');
    this.historyIndex = this.history.length;
    if (this.touched) {
      return;
    }
    let text = '\r\x1b[K';
    for (const e of entries) {
      // Each line at the prompt it was typed at: a container's shell's inside docker exec -it.
      text += (e.prompt !== undefined && e.prompt !== null ? coloured(e.prompt) : PROMPT) + e.line + '\r\n' + e.output;
    }
    this.term?.write(text);
    this.follow(prompt);
    this.prompt();
  }

  /** Takes the server's prompt for the next line; null or undefined keeps the one shown. */
  private follow(prompt?: string | null) {
    if (prompt !== undefined && prompt !== null) {
      this.promptText = coloured(prompt);
      this.inContainer = !LAPTOP.test(prompt);
    }
  }

  /** Server: empties the screen and the scrollback (a reset). */
  clearScreen() {
    this.queue = [];
    this.busy = false;
    this.touched = false;
    this.term?.reset();
  }

  /** Server: text a command wrote. */
  write(text: string) {
    this.term?.write(text);
  }

  /** Server: the line ended; show a fresh prompt (the server's, when it gives one) and run the next queued line, if any. */
  finished(prompt?: string | null) {
    this.busy = false;
    this.follow(prompt);
    this.prompt();
    const next = this.queue.shift();
    if (next !== undefined) {
      this.typeAndRun(next);
    }
  }

  /** Server: what Tab gave. */
  completed(line: string, candidates: string[]) {
    if (this.busy) {
      return;
    }
    if (candidates.length > 0) {
      this.term?.write('\r\n' + candidates.join('  ') + '\r\n');
      this.prompt();
    }
    this.line = line;
    this.cursor = line.length;
    this.redraw();
  }

  /** Server (a lesson's Run button): type the command as if the learner had, then press Enter. */
  typeAndRun(command: string) {
    if (this.busy) {
      this.queue.push(command);
      return;
    }
    this.line = command;
    this.cursor = command.length;
    this.redraw();
    this.submit();
  }

  focusTerminal() {
    this.refit();
    this.term?.focus();
  }

  private prompt() {
    this.line = '';
    this.cursor = 0;
    this.term?.write(this.promptText);
  }

  private redraw() {
    const back = this.line.length - this.cursor;
    this.term?.write('\r\x1b[K' + this.promptText + this.line + (back > 0 ? `\x1b[${back}D` : ''));
  }

  private submit() {
    const line = this.line;
    this.touched = true;
    this.term?.write('\r\n');
    if (line.trim() !== '') {
      this.history.push(line);
    }
    this.historyIndex = this.history.length;
    this.busy = true;
    this.line = '';
    this.cursor = 0;
    this.dispatchEvent(new CustomEvent('line', { detail: { line, at: performance.now() } }));
  }

  private onData(data: string) {
    if (this.busy) {
      if (data === '\x03') {
        this.term?.write('^C');
        this.dispatchEvent(new CustomEvent('interrupt'));
      }
      return;
    }
    switch (data) {
      case '\r': this.submit(); return;
      case '\x03':
        this.term?.write('^C\r\n');
        this.prompt();
        // A line the sandbox still runs from before this page (another tab, a restart) may be waiting for it.
        this.dispatchEvent(new CustomEvent('interrupt'));
        return;
      case '\x04':
        // Ctrl-D on an empty line is end of input for a container's shell, which exits as `exit` would.
        if (this.inContainer && this.line === '') {
          this.line = 'exit';
          this.submit();
        }
        return;
      case '\x0c':
        this.term?.clear();
        this.term?.write('\x1b[2J\x1b[H');
        this.redraw();
        return;
      case '\t': this.dispatchEvent(new CustomEvent('complete', { detail: { line: this.line.slice(0, this.cursor) } })); return;
      case '\x7f': case '\b':
        if (this.cursor > 0) {
          this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
          this.cursor--;
          this.redraw();
        }
        return;
      case '\x1b[A': this.recall(-1); return;
      case '\x1b[B': this.recall(1); return;
      case '\x1b[D': if (this.cursor > 0) { this.cursor--; this.term?.write(data); } return;
      case '\x1b[C': if (this.cursor < this.line.length) { this.cursor++; this.term?.write(data); } return;
      case '\x1b[H': case '\x01': this.cursor = 0; this.redraw(); return;
      case '\x1b[F': case '\x05': this.cursor = this.line.length; this.redraw(); return;
      case '\x15': this.line = this.line.slice(this.cursor); this.cursor = 0; this.redraw(); return;
      default: break;
    }
    if (data.startsWith('\x1b')) {
      return;
    }
    // Typed or pasted text; a pasted newline submits the line, and the rest waits in the queue.
    const lines = data.replace(/\r\n/g, '\r').split('\r');
    this.insert(lines[0].replace(/[\x00-\x1f]/g, ''));
    if (lines.length > 1) {
      this.queue.push(...lines.slice(1).filter((l) => l.trim() !== ''));
      this.submit();
    }
  }

  private insert(text: string) {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    if (this.cursor === this.line.length) {
      this.term?.write(text);
    } else {
      this.redraw();
    }
  }

  private recall(step: number) {
    const index = this.historyIndex + step;
    if (index < 0 || index > this.history.length) {
      return;
    }
    this.historyIndex = index;
    this.line = index === this.history.length ? '' : this.history[index];
    this.cursor = this.line.length;
    this.redraw();
  }
}

customElements.define('layman-terminal', LaymanTerminal);
