package org.laymanlabs.frontend.catalog;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.progress.AttemptProgress;

/**
 * One lab in the catalog: its title, level, time and the ideas it teaches, how far the learner
 * has come in it, and the way into it.
 */
class LabCard extends Card {

    /** @param progress the learner's attempt in progress, or null when they have not started the lab */
    LabCard(Lab lab, AttemptProgress progress) {
        getElement().setAttribute("data-lab", lab.id());
        addThemeVariants(CardVariant.LUMO_OUTLINED, CardVariant.LUMO_ELEVATED);
        setTitle(lab.title());
        Span facts = new Span(lab.level().label() + " · " + lab.minutes() + " min");
        facts.addClassName("lab-facts");
        setSubtitle(facts);
        add(new Paragraph(lab.summary()));

        Div concepts = new Div();
        concepts.addClassName("lab-concepts");
        for (String concept : lab.concepts()) {
            Span badge = new Span(concept);
            badge.getElement().getThemeList().add("badge contrast pill");
            concepts.add(badge);
        }
        addToFooter(concepts);

        if (progress != null) {
            add(progress(progress));
        }
        String action = progress == null ? "Start this lab" : progress.completedAt() != null ? "Open again" : "Continue";
        Anchor start = new Anchor("labs/" + lab.id(), action);
        start.addClassName("lab-start");
        start.getElement().setAttribute("aria-label", action + ": " + lab.title());
        add(start);
    }

    private static Div progress(AttemptProgress progress) {
        int total = progress.steps().size();
        long done = progress.stepsCompleted();
        Div box = new Div();
        box.addClassName("lab-progress");
        Span text = new Span(progress.completedAt() != null ? "Completed ✓"
                : done + " of " + total + (total == 1 ? " step done" : " steps done"));
        text.addClassName(progress.completedAt() != null ? "lab-progress-complete" : "lab-progress-text");
        ProgressBar bar = new ProgressBar(0, Math.max(1, total), done);
        bar.getElement().setAttribute("aria-label", done + " of " + total + " steps done");
        if (progress.completedAt() != null) {
            bar.addThemeName("success");
        }
        box.add(text, bar);
        return box;
    }
}
