package org.laymanlabs.frontend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonMarkdownTest {

    private final List<String> ran = new ArrayList<>();

    private List<Component> render(String markdown) {
        return LessonMarkdown.render(markdown, path -> path.equals("d.svg")
                ? Optional.of("<svg/>".getBytes(StandardCharsets.UTF_8)) : Optional.empty(), ran::addAll);
    }

    @Test
    void aShellCodeBlockGetsRunAndCopyAndRunTypesEachLine() {
        List<Component> parts = render("Try:\n\n```bash\n$ kubectl get nodes\nkubectl get pods\n```\n");

        CodeBlock block = (CodeBlock) parts.get(1);
        assertThat(block.runnable()).isTrue();
        block.run.click();
        assertThat(ran).containsExactly("kubectl get nodes", "kubectl get pods");
    }

    @Test
    void aYamlBlockCanBeCopiedButNotRun() {
        CodeBlock block = (CodeBlock) render("```yaml\nkind: Pod\n```\n").get(0);

        assertThat(block.runnable()).isFalse();
        assertThat(block.copy.getText()).isEqualTo("Copy");
    }

    @Test
    void rawHtmlAndScriptUrlsNeverReachThePage() {
        String html = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
                .get(0).getElement().getProperty("innerHTML");

        assertThat(html).doesNotContain("<script", "javascript:", "onerror=\"");
    }

    @Test
    void anImageBesideTheLessonIsInlined() {
        String html = render("![diagram](d.svg)\n").get(0).getElement().getProperty("innerHTML");

        assertThat(html).contains("src=\"data:image/svg+xml;base64,").contains("alt=\"diagram\"");
    }
}
