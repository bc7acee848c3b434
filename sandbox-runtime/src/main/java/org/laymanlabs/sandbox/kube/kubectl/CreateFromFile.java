package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors kubectl create -f (staging/src/k8s.io/kubectl/pkg/cmd/create/create.go): every
 * document is created as written, without the last-applied annotation unless
 * {@code --save-config}; an existing object is an AlreadyExists error for that document only.
 */
final class CreateFromFile implements Subcommand {

    @Override
    public String path() {
        return "kubectl create";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.array("filename", 'f'), Flag.bool("recursive", 'R'), Flag.string("kustomize", 'k', ""),
                Flag.optional("validate", "strict"), Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""),
                Flag.bool("save-config", '\0'), Flag.bool("edit", '\0'), Flag.string("selector", 'l', ""),
                Flag.string("field-manager", '\0', "kubectl-create"));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (!args.args().isEmpty()) {
            throw KubectlException.usageHelp("Unexpected args: " + args.args(), path());
        }
        if (args.array("filename").isEmpty()) {
            throw KubectlException.error("must specify one of -f and -k");
        }
        Output output = Output.parse(args.string("output"));
        String suffix = DryRun.suffix(args);
        Manifests read = Manifests.read(args.array("filename"), args.bool("recursive"), session);
        Failures failures = new Failures();
        failures.reading(read.errors());
        List<HasMetadata> created = new ArrayList<>();
        int count = 0;
        for (Manifests.Manifest manifest : Lists.expand(read.manifests())) {
            ManifestObject object;
            try {
                object = ManifestObject.map(manifest, session, args);
            } catch (IllegalArgumentException e) {
                failures.client(e.getMessage());
                continue;
            }
            count++;
            var body = args.bool("save-config") ? ApplyCommand.withLastApplied(object.tree()) : object.tree();
            Writes.create(object, body, session, failures, suffix, output, created);
        }
        if (count == 0 && failures.isEmpty()) {
            throw KubectlException.error("no objects passed to create");
        }
        if (!output.humanReadable() && !created.isEmpty()) {
            session.out(output.print(created, created.size() == 1));
        }
        failures.report();
    }
}
