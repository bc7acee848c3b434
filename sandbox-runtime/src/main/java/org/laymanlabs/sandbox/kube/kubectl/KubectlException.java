package org.laymanlabs.sandbox.kube.kubectl;

/**
 * Mirrors what kubectl's cmdutil.CheckErr prints for a client-side failure: {@code error: } and
 * the message, exit status 1; a usage error adds the {@code See 'kubectl get --help' for usage.} line.
 */
final class KubectlException extends RuntimeException {

    private final String printed;

    private KubectlException(String printed) {
        super(printed);
        this.printed = printed;
    }

    /** {@code error: <message>}, as for most failures. */
    static KubectlException error(String message) {
        return new KubectlException("error: " + message + "\n");
    }

    /** A flag or argument error: the message and where to read the command's usage. */
    static KubectlException usage(String message, String commandPath) {
        return new KubectlException("error: " + message + "\nSee '" + commandPath + " --help' for usage.\n");
    }

    /** cmdutil.UsageErrorf: the message and the {@code -h} hint, as for a missing argument. */
    static KubectlException usageHelp(String message, String commandPath) {
        return new KubectlException("error: " + message + "\nSee '" + commandPath + " -h' for help and examples\n");
    }

    /** Text printed exactly as given (already complete, with its trailing newline). */
    static KubectlException verbatim(String text) {
        return new KubectlException(text);
    }

    String printed() {
        return printed;
    }
}
