package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Supplier;
import org.laymanlabs.backend.workspace.ClusterPicture;
import org.laymanlabs.backend.workspace.LabSandbox;
import org.laymanlabs.backend.workspace.MapElement;
import org.laymanlabs.backend.workspace.PacketPath;

/**
 * The live cluster map: the drawing, redrawn only when the sandbox changed; a click (or Enter on
 * a focused element) opens its YAML; and the latest packet trace, drawn on the map and listed hop
 * by hop with the rules that matched.
 */
class ClusterMap extends Div {

    final Div drawing = new Div();
    final Div traceList = new Div();
    private final Supplier<LabSandbox> sandbox;
    private ClusterPicture shown;
    private List<PacketPath> trace = List.of();

    ClusterMap(Supplier<LabSandbox> sandbox) {
        this.sandbox = sandbox;
        addClassName("cluster-map");
        drawing.addClassName("map-drawing");
        traceList.addClassName("trace-list");
        traceList.setVisible(false);
        Div legend = new Div();
        legend.addClassName("map-legend");
        for (ClusterPicture.Phase phase : List.of(ClusterPicture.Phase.RUNNING, ClusterPicture.Phase.PENDING,
                ClusterPicture.Phase.FAILED, ClusterPicture.Phase.TERMINATING)) {
            Span key = new Span(MapDrawing.phaseWord(phase));
            key.addClassNames("legend-key", "phase-" + phase.name().toLowerCase());
            legend.add(key);
        }
        legend.add(new Span("Click a node, pod or Service to see its YAML."));
        add(legend, drawing, traceList);
        // The drawing is replaced on every change, so one listener on its holder finds the element opened.
        drawing.getElement().executeJs("""
                const open = (e) => {
                  const g = e.target.closest && e.target.closest('[data-ref]');
                  if (g) { e.preventDefault(); this.dispatchEvent(new CustomEvent('map-open', { detail: { ref: g.getAttribute('data-ref') } })); }
                };
                this.addEventListener('click', open);
                this.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { open(e); } });
                """);
        drawing.getElement().addEventListener("map-open", e -> open(e.getEventData().getString("event.detail.ref")))
                .addEventData("event.detail.ref");
    }

    /** Redraws when the sandbox changed since the last look. */
    void refresh() {
        ClusterPicture now = sandbox.get().picture();
        if (!now.equals(shown)) {
            shown = now;
            redraw();
        }
    }

    /** Shows the packet path of a trace's output, if it was one. */
    void showTrace(String traceOutput) {
        trace = PacketPath.read(traceOutput);
        traceList.removeAll();
        traceList.setVisible(!trace.isEmpty());
        if (!trace.isEmpty()) {
            traceList.add(new H3("The packet's path, hop by hop"));
            OrderedList hops = new OrderedList();
            int n = 0;
            for (PacketPath.Hop hop : trace.get(0).hops()) {
                ListItem item = new ListItem();
                item.addClassName("trace-step");
                item.getStyle().set("animation-delay", (n++ * 600) + "ms");
                item.add(new Span(hop.namespace()));
                item.add(new Paragraph(String.join(" · ", hop.steps())));
                hop.rules().stream().filter(r -> !r.contains(" policy  => ")).forEach(rule -> {
                    Pre pre = new Pre(rule);
                    pre.addClassName("trace-rule");
                    item.add(pre);
                });
                hops.add(item);
            }
            traceList.add(hops);
        }
        if (shown != null) {
            redraw();
        }
    }

    private void redraw() {
        drawing.getElement().setProperty("innerHTML", MapDrawing.draw(shown, trace));
    }

    void open(String ref) {
        MapElement element;
        try {
            element = MapElement.parse(ref);
        } catch (IllegalArgumentException e) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(element.kind().name().toLowerCase() + " " + element.name());
        Pre yaml = new Pre(sandbox.get().inspect(element));
        yaml.addClassName("inspect-text");
        dialog.add(yaml);
        Button close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.setWidth("min(56rem, 95vw)");
        dialog.open();
        close.focus();
    }
}
