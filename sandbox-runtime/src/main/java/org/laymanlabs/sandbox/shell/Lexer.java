package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words and control operators, following bash's quoting rules (bash(1),
 * QUOTING): single quotes keep everything literally, double quotes let a backslash escape
 * {@code $ ` " \}, and an unquoted backslash escapes any character. An unquoted {@code #} at the
 * start of a word begins a comment.
 */
final class Lexer {

    private final String line;
    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
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
            } else if (isOperatorStart(c)) {
                endWord();
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
        word.append(line, pos + 1, close);
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
            if (c == '\\' && pos + 1 < line.length() && "$`\"\\".indexOf(line.charAt(pos + 1)) >= 0) {
                pos++;
                c = line.charAt(pos);
            }
            word.append(c);
            pos++;
        }
        throw new ShellSyntaxException("unexpected EOF while looking for matching `\"'");
    }

    private void escaped() {
        pos++;
        if (pos < line.length()) {
            append(line.charAt(pos));
            pos++;
        }
    }

    private static boolean isOperatorStart(char c) {
        return c == ';' || c == '|' || c == '&' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private void operator(char c) throws ShellSyntaxException {
        boolean doubled = pos + 1 < line.length() && line.charAt(pos + 1) == c;
        switch (c) {
            case ';' -> emit(Token.Kind.SEMI, 1);
            case '|' -> emit(doubled ? Token.Kind.OR_IF : Token.Kind.PIPE, doubled ? 2 : 1);
            case '&' -> {
                if (!doubled) {
                    throw new ShellSyntaxException(
                            "background jobs (&) are not supported in the sandbox shell; run the command without &");
                }
                emit(Token.Kind.AND_IF, 2);
            }
            default -> throw new ShellSyntaxException(
                    "`" + c + "' is not supported in the sandbox shell yet; quote it if you meant the character");
        }
    }

    private void emit(Token.Kind kind, int width) {
        tokens.add(Token.operator(kind));
        pos += width;
    }

    private void append(char c) {
        inWord = true;
        word.append(c);
    }

    private void endWord() {
        if (inWord) {
            tokens.add(Token.word(word.toString()));
            word.setLength(0);
            inWord = false;
        }
    }
}
