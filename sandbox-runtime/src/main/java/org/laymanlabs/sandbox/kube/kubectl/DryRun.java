package org.laymanlabs.sandbox.kube.kubectl;

/** Mirrors cmdutil.GetDryRunStrategy: {@code --dry-run=none|client|server} and what it adds to success messages. */
final class DryRun {

    private DryRun() {
    }

    /** "", " (dry run)" or " (server dry run)". */
    static String suffix(FlagSet.Parsed args) {
        String value = args.values().getOrDefault("dry-run", "none");
        return switch (value) {
            case "none", "false" -> "";
            case "client", "true", "unchanged" -> " (dry run)";
            case "server" -> " (server dry run)";
            default -> throw KubectlException.error("Invalid dry-run value (" + value + "). Must be \"none\", \"server\", or \"client\".");
        };
    }
}
