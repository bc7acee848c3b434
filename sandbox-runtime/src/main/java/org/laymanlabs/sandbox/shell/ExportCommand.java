package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;

/** bash's {@code export NAME=value}: sets the variable (every sandbox variable is visible to its commands). */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export [name[=value] ...]";
    }

    @Override
    public String summary() {
        return "Set shell variables, e.g. export KUBECONFIG=~/config.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        StringBuilder err = new StringBuilder();
        for (String arg : invocation.args()) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                err.append("bash: export: `").append(arg).append("': not a valid identifier\n");
            } else if (arg.contains("=")) {
                invocation.shell().setVariable(name, arg.substring(arg.indexOf('=') + 1));
            }
        }
        return new CommandResult("", err.toString(), err.isEmpty() ? 0 : 1);
    }
}
