package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words and operators, following bash's quoting rules (bash(1), QUOTING):
 * single quotes keep everything literally; double quotes let a backslash escape
 * {@code $ ` " \} and still expand parameters; an unquoted backslash escapes any character; an
 * unquoted {@code #} at the start of a word begins a comment. Parameters and command
 * substitutions ({@code $(...)} and backquotes) are recorded, not expanded: expansion happens
 * when the command runs. A substitution's text is checked here, as bash parses it with the line,
 * so that a syntax error inside it stops the whole line before anything runs.
 */
final class Lexer {

    /** The deepest {@code $(...)} nesting the sandbox's shell reads (see {@link CommandText#nesting}). */
    static final int MAX_NESTING = 32;

    private final String line;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Word.Part> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    /** Whether the text in {@link #literal} was quoted (or escaped): quoted text is never a glob pattern. */
    private boolean literalQuoted;
    private boolean inWord;
    private int pos;

    private Lexer(String line) {
        this.line = line;
    }

    static List<Token> tokenize(String line) throws ShellSyntaxException {
        return new Lexer(line).run();
    }

    private List<Token> run() throws ShellSyntaxException {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                endWord();
                pos++;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'') {
                singleQuoted();
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '\\') {
                escaped();
            } else if (c == '$') {
                parameter(false);
            } else if (c == '`') {
                backquoted(false);
            } else if (isOperatorStart(c)) {
                operator(c);
            } else {
                append(c);
                pos++;
            }
        }
        endWord();
        return tokens;
    }

    private void singleQuoted() throws ShellSyntaxException {
        int close = line.indexOf('\'', pos + 1);
        if (close < 0) {
            throw new ShellSyntaxException("unexpected EOF while looking for matching `''");
        }
        inWord = true;
        appendText(line.substring(pos + 1, close), true);
        pos = close + 1;
    }

    private void doubleQuoted() throws ShellSyntaxException {
        inWord = true;
        pos++;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '$') {
                parameter(true);
                continue;
            }
            if (c == '`') {
                backquoted(true);
                continue;
            }
            if (c == '\\' && pos + 1 < line.length() && "$`\"\\".indexOf(line.charAt(pos + 1)) >= 0) {
                pos++;
                c = line.charAt(pos);
            }
            appendText(String.valueOf(c), true);
            pos++;
        }
        throw new ShellSyntaxException("unexpected EOF while looking for matching `\"'");
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code $?} or {@code $(...)}; a lone {@code $} is literal. */
    private void parameter(boolean quoted) throws ShellSyntaxException {
        inWord = true;
        int start = pos + 1;
        String name;
        if (start < line.length() && line.charAt(start) == '(') {
            substitution(quoted);
            return;
        }
        if (start < line.length() && line.charAt(start) == '{') {
            int close = line.indexOf('}', start);
            if (close < 0) {
                throw new ShellSyntaxException("unexpected EOF while looking for matching `}'");
            }
            name = line.substring(start + 1, close);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*|\\?")) {
                throw new ShellSyntaxException("${" + name + "}: bad substitution");
            }
            pos = close + 1;
        } else if (start < line.length() && line.charAt(start) == '?') {
            name = "?";
            pos = start + 1;
        } else {
            int end = start;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                end++;
            }
            if (end == start || Character.isDigit(line.charAt(start))) {
                appendText("$", quoted);
                pos++;
                return;
            }
            name = line.substring(start, end);
            pos = end;
        }
        flushLiteral();
        parts.add(new Word.Parameter(name, quoted));
    }

    /** {@code $(...)}: the text up to the matching parenthesis, nested substitutions and quotes included. */
    private void substitution(boolean quoted) throws ShellSyntaxException {
        if (line.startsWith("$((", pos)) {
            throw new ShellSyntaxException("arithmetic expansion $((...)) is not supported in the sandbox shell");
        }
        int close = CommandText.closingParenthesis(line, pos + 2);
        addSubstitution(line.substring(pos + 2, close), quoted);
        pos = close + 1;
    }

    /**
     * {@code `...`}: the old form. Inside it a backslash keeps its literal meaning except before
     * {@code $ ` \} (and {@code "} within double quotes), as bash(1) says under Command Substitution.
     */
    private void backquoted(boolean quoted) throws ShellSyntaxException {
        inWord = true;
        StringBuilder text = new StringBuilder();
        int i = pos + 1;
        while (i < line.length() && line.charAt(i) != '`') {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()
                    && ("$`\\".indexOf(line.charAt(i + 1)) >= 0 || (quoted && line.charAt(i + 1) == '"'))) {
                c = line.charAt(++i);
            }
            text.append(c);
            i++;
        }
        if (i >= line.length()) {
            throw new ShellSyntaxException("unexpected EOF while looking for matching ``'");
        }
        addSubstitution(text.toString(), quoted);
        pos = i + 1;
    }

    private void addSubstitution(String script, boolean quoted) throws ShellSyntaxException {
        if (CommandText.nesting(script) >= MAX_NESTING) {
            throw new ShellSyntaxException("command substitutions nested more than " + MAX_NESTING + " deep");
        }
        inWord = true;
        Parser.parse(script);
        flushLiteral();
        parts.add(new Word.Substitution(script, quoted));
    }

    private void escaped() {
        pos++;
        inWord = true;
        if (pos < line.length()) {
            appendText(String.valueOf(line.charAt(pos)), true);
            pos++;
        }
    }

    private static boolean isOperatorStart(char c) {
        return c == ';' || c == '|' || c == '&' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private void operator(char c) throws ShellSyntaxException {
        boolean doubled = pos + 1 < line.length() && line.charAt(pos + 1) == c;
        if (c == '>' || c == '<') {
            redirection(c, doubled);
            return;
        }
        endWord();
        switch (c) {
            case ';' -> emit(Token.Kind.SEMI, ";", 1);
            case '|' -> emit(doubled ? Token.Kind.OR_IF : Token.Kind.PIPE, doubled ? "||" : "|", doubled ? 2 : 1);
            case '&' -> {
                if (line.startsWith("&>", pos)) {
                    emit(Token.Kind.REDIRECT, "&>", 2);
                } else if (doubled) {
                    emit(Token.Kind.AND_IF, "&&", 2);
                } else {
                    throw new ShellSyntaxException(
                            "background jobs (&) are not supported in the sandbox shell; run the command without &");
                }
            }
            default -> throw new ShellSyntaxException(
                    "`" + c + "' is not supported in the sandbox shell yet; quote it if you meant the character");
        }
    }

    /** {@code > >> < >&2}, and {@code 2> 2>> 2>&1} when a bare 2 comes right before. */
    private void redirection(char c, boolean doubled) {
        boolean stderr = c == '>' && inWord && parts.isEmpty() && !literalQuoted && literal.toString().equals("2");
        if (stderr) {
            literal.setLength(0);
            inWord = false;
        } else {
            endWord();
        }
        String prefix = stderr ? "2" : "";
        if (stderr && line.startsWith(">&1", pos)) {
            emit(Token.Kind.REDIRECT, "2>&1", 3);
        } else if (!stderr && line.startsWith(">&2", pos)) {
            emit(Token.Kind.REDIRECT, ">&2", 3);
        } else if (c == '>') {
            emit(Token.Kind.REDIRECT, prefix + (doubled ? ">>" : ">"), doubled ? 2 : 1);
        } else {
            emit(Token.Kind.REDIRECT, "<", 1);
        }
    }

    private void emit(Token.Kind kind, String text, int width) {
        tokens.add(Token.operator(kind, text));
        pos += width;
    }

    private void append(char c) {
        inWord = true;
        appendText(String.valueOf(c), false);
    }

    /** Adds text to the word, starting a new part where quoting begins or ends. */
    private void appendText(String text, boolean quoted) {
        if (literal.length() > 0 && quoted != literalQuoted) {
            flushLiteral();
        }
        literalQuoted = quoted;
        literal.append(text);
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            parts.add(literalQuoted ? new Word.Quoted(literal.toString()) : new Word.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private void endWord() {
        if (inWord) {
            flushLiteral();
            tokens.add(Token.word(new Word(parts.isEmpty() ? List.of(new Word.Literal("")) : parts)));
            parts.clear();
            inWord = false;
        }
    }
}
