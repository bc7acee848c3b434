package org.laymanlabs.frontend.catalog;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.laymanlabs.backend.lab.Lab;

/** One lab in the catalog: its title, level, time and the ideas it teaches, and the way into it. */
class LabCard extends Card {

    LabCard(Lab lab) {
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

        Anchor start = new Anchor("labs/" + lab.id(), "Start this lab");
        start.addClassName("lab-start");
        start.getElement().setAttribute("aria-label", "Start the lab " + lab.title());
        add(start);
    }
}
