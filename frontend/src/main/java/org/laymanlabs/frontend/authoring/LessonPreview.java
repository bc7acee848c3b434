package org.laymanlabs.frontend.authoring;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.laymanlabs.backend.lab.Step;

/**
 * The lesson as a learner will read it, step after step, from the lab being edited. Rendered like
 * the workspace renders it: raw HTML escaped, then only jsoup's safe list of tags kept, so a
 * script in a draft never runs in the instructor's browser. Code blocks show as code (the
 * workspace adds its Run buttons).
 */
class LessonPreview extends Div {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img");

    LessonPreview() {
        addClassName("lesson-preview");
    }

    void show(List<Step> steps) {
        removeAll();
        int number = 1;
        for (Step step : steps) {
            Div section = new Div();
            section.addClassName("preview-step");
            Span position = new Span("Step " + number++ + " of " + steps.size() + " · " + step.title());
            position.addClassName("preview-position");
            section.add(position);
            section.add(new Html("<div class=\"preview-text\">" + sanitised(step.text()) + "</div>"));
            add(section);
        }
    }

    static String sanitised(String markdown) {
        return Jsoup.clean(HTML.render(PARSER.parse(markdown)), SAFE);
    }
}
