package org.laymanlabs.sandbox.repl;

/** The REPL's command-line options. */
record ReplOptions(boolean help) {

    static final String USAGE = """
            Usage: java -jar layman-sandbox.jar [OPTIONS]

            Start a Layman Labs sandbox and type shell commands into it, as on a real machine.
            On a terminal you get line editing and history; piped input is read line by line,
            and the exit status is that of the last command (or the one given to `exit`).

            Options:
              -h, --help    Show this help and exit.

            Inside the sandbox, type `help` to list the commands and `exit` to leave.
            """;

    static ReplOptions parse(String[] args) {
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException(arg.startsWith("-")
                        ? "unknown option '" + arg + "'"
                        : "unexpected argument '" + arg + "'");
            }
        }
        return new ReplOptions(help);
    }
}
