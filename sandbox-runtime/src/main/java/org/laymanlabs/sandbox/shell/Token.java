package org.laymanlabs.sandbox.shell;

/** One lexical token of a shell line: a word, a control operator, or a redirection operator. */
record Token(Kind kind, String text, Word word) {

    enum Kind { WORD, AND_IF, OR_IF, PIPE, SEMI, REDIRECT }

    static Token word(Word word) {
        return new Token(Kind.WORD, "", word);
    }

    static Token operator(Kind kind, String text) {
        return new Token(kind, text, null);
    }
}
