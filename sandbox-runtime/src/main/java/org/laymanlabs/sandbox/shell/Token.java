package org.laymanlabs.sandbox.shell;

/** One lexical token of a shell line: a word after quote removal, or a control operator. */
record Token(Kind kind, String text) {

    enum Kind { WORD, AND_IF, OR_IF, PIPE, SEMI }

    static Token word(String text) {
        return new Token(Kind.WORD, text);
    }

    static Token operator(Kind kind) {
        return new Token(kind, switch (kind) {
            case AND_IF -> "&&";
            case OR_IF -> "||";
            case PIPE -> "|";
            case SEMI -> ";";
            case WORD -> throw new IllegalArgumentException("a word is not an operator");
        });
    }
}
