package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Fuzz;

/** Any line a learner types is either a script or one of bash's syntax errors, never a crash. */
class ParserFuzzTest {

    private static final List<String> LINES = List.of(
            "docker run -d --name web -p 8080:80 nginx:1.27",
            "kubectl get pods -o jsonpath='{.items[*].metadata.name}' | wc -l",
            "echo \"hello $USER\" > out.txt && cat out.txt || echo failed; ls -l *.yaml",
            "for x in a b; do echo $x; done",
            "curl -s http://10.96.0.1:443/ 2>&1 >/dev/null",
            "cat <<EOF > f.txt",
            "kubectl exec -it web -- sh -c 'echo $HOSTNAME; sleep 1'",
            "VAR=1 env | grep VAR",
            "docker build -t app:v1 . && docker run --rm app:v1 \"$(date)\"");

    @Test
    void tenThousandLinesAreEachAScriptOrASyntaxError() {
        Fuzz.run(10_000, Fuzz.mutationsOf(LINES), line -> {
            try {
                assertThat(Parser.parse(line)).isNotNull();
            } catch (ShellSyntaxException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }
}
