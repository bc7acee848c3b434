package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Script} from tokens, with bash's wording for syntax errors. */
final class Parser {

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Script parse(String line) throws ShellSyntaxException {
        return new Parser(Lexer.tokenize(line)).script();
    }

    private Script script() throws ShellSyntaxException {
        List<Script.AndOr> lists = new ArrayList<>();
        while (pos < tokens.size()) {
            lists.add(andOr());
            if (pos < tokens.size()) {
                expect(Token.Kind.SEMI);
            }
        }
        return new Script(lists);
    }

    private Script.AndOr andOr() throws ShellSyntaxException {
        Script.Pipeline first = pipeline();
        List<Script.Link> rest = new ArrayList<>();
        while (peek(Token.Kind.AND_IF) || peek(Token.Kind.OR_IF)) {
            boolean onSuccess = tokens.get(pos++).kind() == Token.Kind.AND_IF;
            rest.add(new Script.Link(onSuccess, pipeline()));
        }
        return new Script.AndOr(first, rest);
    }

    private Script.Pipeline pipeline() throws ShellSyntaxException {
        List<Script.SimpleCommand> commands = new ArrayList<>();
        commands.add(simpleCommand());
        while (peek(Token.Kind.PIPE)) {
            pos++;
            commands.add(simpleCommand());
        }
        return new Script.Pipeline(commands);
    }

    private Script.SimpleCommand simpleCommand() throws ShellSyntaxException {
        List<Word> words = new ArrayList<>();
        List<Script.Redirect> redirects = new ArrayList<>();
        while (peek(Token.Kind.WORD) || peek(Token.Kind.REDIRECT)) {
            Token token = tokens.get(pos++);
            if (token.kind() == Token.Kind.WORD) {
                words.add(token.word());
            } else if (token.text().equals("2>&1") || token.text().equals(">&2")) {
                redirects.add(new Script.Redirect(token.text(), null));
            } else if (peek(Token.Kind.WORD)) {
                redirects.add(new Script.Redirect(token.text(), tokens.get(pos++).word()));
            } else {
                throw pos >= tokens.size()
                        ? new ShellSyntaxException("syntax error near unexpected token `newline'")
                        : unexpectedHere();
            }
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            throw unexpectedHere();
        }
        return new Script.SimpleCommand(words, redirects);
    }

    private void expect(Token.Kind kind) throws ShellSyntaxException {
        if (!peek(kind)) {
            throw unexpectedHere();
        }
        pos++;
    }

    private boolean peek(Token.Kind kind) {
        return pos < tokens.size() && tokens.get(pos).kind() == kind;
    }

    private ShellSyntaxException unexpectedHere() {
        if (pos >= tokens.size()) {
            return new ShellSyntaxException("syntax error: unexpected end of file");
        }
        return new ShellSyntaxException("syntax error near unexpected token `" + tokens.get(pos).text() + "'");
    }
}
