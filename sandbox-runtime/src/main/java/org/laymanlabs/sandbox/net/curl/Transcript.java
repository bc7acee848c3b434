package org.laymanlabs.sandbox.net.curl;

import java.util.Map;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * What curl writes where: the body (and -i headers, -w text) to stdout; the -v transcript and
 * errors to stderr, errors hidden by -s unless -S brings them back.
 */
final class Transcript {

    private final CurlOptions options;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    Transcript(CurlOptions options) {
        this.options = options;
    }

    void verbose(String line) {
        if (options.verbose()) {
            stderr.append(line).append('\n');
        }
    }

    /** -o FILE: the body (with -i, the headers too) goes to a file instead of the terminal. */
    private void save(Invocation invocation, String file, HttpResponse response) {
        String text = options.include() ? response.toWire() : response.body();
        try {
            invocation.shell().files().write(invocation.shell().resolve(file), text);
        } catch (FileSystemException e) {
            if (!options.silent()) {
                stderr.append("Warning: Failed to open the file ").append(file).append(": ").append(e.reason().text())
                        .append('\n');
            }
            throw CurlFailure.of(23, "Failure writing output to destination");
        }
    }

    CommandResult failed(CurlFailure failure) {
        if (failure.exitCode() == 7 || failure.exitCode() == 28) {
            verbose("* " + failure.getMessage());
        }
        verbose("* Closing connection 0");
        if (!options.silent() || options.showError()) {
            stderr.append(failure.render());
        }
        return new CommandResult(stdout.toString(), stderr.toString(), failure.exitCode());
    }

    CommandResult answered(String host, HttpResponse response, Invocation invocation, Map<String, String> variables) {
        verbose("< " + response.statusLine());
        response.headers().forEach(h -> verbose("< " + h.name() + ": " + h.value()));
        verbose("< ");
        if (options.fail() && response.status() >= 400) {
            return failed(CurlFailure.of(22, "The requested URL returned error: " + response.status()));
        }
        boolean discard = options.output().isPresent();
        if (discard && !options.output().get().equals("/dev/null")) {
            save(invocation, options.output().get(), response);
        }
        if (!discard && (options.include() || options.head())) {
            stdout.append(response.statusLine()).append("\r\n");
            response.headers().forEach(h -> stdout.append(h.name()).append(": ").append(h.value()).append("\r\n"));
            stdout.append("\r\n");
        }
        if (!discard && !options.head()) {
            stdout.append(response.body());
        }
        verbose("* Connection #0 to host " + host + " left intact");
        options.writeOut().ifPresent(format -> stdout.append(WriteOut.expand(format, variables, stderr)));
        return new CommandResult(stdout.toString(), stderr.toString(), 0);
    }
}
