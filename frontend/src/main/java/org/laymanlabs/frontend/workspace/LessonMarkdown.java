package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Turns a lesson step's Markdown into components: prose as sanitised HTML (raw HTML is escaped,
 * then jsoup keeps only a safe list of tags), and each code block as a {@link CodeBlock} with its
 * Run and Copy buttons. Images beside the lesson are inlined, so an SVG diagram needs no route.
 */
final class LessonMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().addProtocols("img", "src", "data")
            .addAttributes(":all", "class");

    private LessonMarkdown() {
    }

    /**
     * @param files   the lesson's own files by relative path, for images
     * @param onRun   what a Run button does with its command
     */
    static List<Component> render(String markdown, Function<String, Optional<byte[]>> files, CodeBlock.Runner onRun) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String src = image.getDestination();
                if (!src.contains(":")) {
                    files.apply(src).ifPresent(bytes -> image.setDestination("data:" + mime(src) + ";base64,"
                            + Base64.getEncoder().encodeToString(bytes)));
                }
                visitChildren(image);
            }
        });
        List<Component> parts = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof FencedCodeBlock fenced) {
                flush(prose, parts);
                parts.add(new CodeBlock(fenced.getLiteral(), fenced.getInfo(), onRun));
            } else if (node instanceof IndentedCodeBlock indented) {
                flush(prose, parts);
                parts.add(new CodeBlock(indented.getLiteral(), "", onRun));
            } else {
                prose.append(HTML.render(node));
            }
        }
        flush(prose, parts);
        return parts;
    }

    /** Sanitised HTML of prose, for tests and for the prose blocks. */
    static String safeHtml(String html) {
        return Jsoup.clean(html, "", SAFE, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
    }

    private static void flush(StringBuilder prose, List<Component> parts) {
        if (prose.isEmpty()) {
            return;
        }
        Div div = new Div();
        div.addClassName("lesson-prose");
        div.getElement().setProperty("innerHTML", safeHtml(prose.toString()));
        parts.add(div);
        prose.setLength(0);
    }

    private static String mime(String path) {
        String lower = path.toLowerCase();
        return lower.endsWith(".svg") ? "image/svg+xml" : lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".gif") ? "image/gif" : lower.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }

}
