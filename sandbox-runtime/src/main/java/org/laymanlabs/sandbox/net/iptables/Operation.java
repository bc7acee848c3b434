package org.laymanlabs.sandbox.net.iptables;

/** The commands of iptables (xshared.h CMD_*), with the letter cmd2char() prints for each. */
enum Operation {
    APPEND('A'), CHECK('C'), DELETE('D'), DELETE_NUM('D'), REPLACE('R'), INSERT('I'),
    LIST('L'), LIST_RULES('S'), FLUSH('F'), ZERO('Z'), NEW_CHAIN('N'), DELETE_CHAIN('X'),
    SET_POLICY('P'), RENAME_CHAIN('E'), HELP('h'), VERSION('V');

    final char letter;

    Operation(char letter) {
        this.letter = letter;
    }

    /** Commands that carry a rule specification. */
    boolean takesRule() {
        return this == APPEND || this == CHECK || this == DELETE || this == REPLACE || this == INSERT;
    }
}
