package org.laymanlabs.sandbox.kube.kubectl;

import java.util.List;

/** Every kubectl verb the sandbox knows, by command path. */
final class Subcommands {

    private Subcommands() {
    }

    static List<Subcommand> all() {
        return List.of(new GetCommand(), new ApplyCommand());
    }
}
