package org.laymanlabs.frontend.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.backend.workspace.ClusterPicture;
import org.laymanlabs.backend.workspace.MapElement;
import org.laymanlabs.backend.workspace.PacketPath;

/**
 * Draws a {@link ClusterPicture} as SVG: the laptop with its Docker containers, each node as a box
 * holding its pods coloured by phase, and the Services below, linked to the pods they pick. Every
 * element the learner can open carries {@code data-ref} and is focusable. A packet path is drawn
 * on top, hop by hop: numbered markers at the right end of the box or pod they visit (never over
 * its name), appearing in order, while a packet dot travels from one to the next.
 */
final class MapDrawing {

    static final int BOX_W = 210;
    private static final int GAP = 24;
    private static final int TOP = 34;
    private static final int POD_H = 26;
    /** Where a hop's marker sits: this far left of a box's or pod's right edge, clear of its name. */
    private static final int MARKER_INSET = 22;
    private static final int HOP_MS = 600;

    private final StringBuilder svg = new StringBuilder();
    /** The centre of each box and pod, by the name a trace gives its namespace (node name, "laptop", pod IP). */
    private final Map<String, int[]> anchors = new LinkedHashMap<>();

    private MapDrawing() {
    }

    static String draw(ClusterPicture picture, List<PacketPath> trace) {
        return new MapDrawing().render(picture, trace);
    }

    private String render(ClusterPicture picture, List<PacketPath> trace) {
        int rows = Math.max(picture.docker().containers().size(),
                picture.nodes().stream().mapToInt(n -> n.pods().size()).max().orElse(0));
        int boxH = 70 + Math.max(rows, 1) * (POD_H + 6) + 22;
        int x = GAP;
        StringBuilder body = new StringBuilder();
        laptop(body, picture.docker(), x, boxH);
        Map<String, int[]> podCentres = new LinkedHashMap<>();
        for (ClusterPicture.Node node : picture.nodes()) {
            x += BOX_W + GAP;
            node(body, node, x, boxH, podCentres);
        }
        int width = x + BOX_W + GAP;
        int servicesY = TOP + boxH + 50;
        int height = servicesY + (picture.services().isEmpty() ? 20 : 60)
                + (picture.unscheduled().isEmpty() ? 0 : 40);
        services(body, picture.services(), servicesY, podCentres, width);
        if (!picture.unscheduled().isEmpty()) {
            text(body, GAP, height - 14, "Waiting for a node: " + String.join(", ",
                    picture.unscheduled().stream().map(ClusterPicture.Pod::name).toList()), "map-note");
        }
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(width).append(' ').append(height)
                .append("' role='img' aria-label='Map of your sandbox: your laptop, ").append(picture.nodes().size())
                .append(" cluster nodes and their pods'>");
        svg.append("<text class='map-heading' x='").append(GAP).append("' y='20'>Your laptop (Docker)</text>");
        svg.append("<text class='map-heading' x='").append(GAP * 2 + BOX_W).append("' y='20'>The cluster: one box per node</text>");
        svg.append(body);
        if (!trace.isEmpty()) {
            packet(trace.get(0));
        }
        return svg.append("</svg>").toString();
    }

    private void laptop(StringBuilder out, ClusterPicture.DockerHost docker, int x, int h) {
        out.append("<g class='map-box laptop'><rect x='").append(x).append("' y='").append(TOP).append("' width='").append(BOX_W)
                .append("' height='").append(h).append("' rx='10'/>");
        text(out, x + 12, TOP + 22, "laptop", "map-box-title");
        text(out, x + 12, TOP + 40, docker.containers().isEmpty() ? "no containers yet" : "containers:", "map-sub");
        anchors.put("laptop", new int[] {x + BOX_W - MARKER_INSET, TOP + 18});
        int y = TOP + 52;
        for (ClusterPicture.Container c : docker.containers()) {
            String phase = c.status().equals("running") ? "running" : c.status().equals("created") ? "pending" : "stopped";
            item(out, new MapElement(MapElement.Kind.CONTAINER, "", c.name()), x + 10, y, c.name() + " (" + c.image() + ")",
                    "phase-" + phase, "Container " + c.name() + ", " + c.status() + ", from image " + c.image());
            y += POD_H + 6;
        }
        String images = docker.images().isEmpty() ? "none" : String.join(", ", docker.images());
        text(out, x + 12, TOP + h - 26, "images: " + shorten(images, 30), "map-sub");
        text(out, x + 12, TOP + h - 10, "networks: " + shorten(String.join(", ",
                docker.networks().stream().map(ClusterPicture.Network::name).toList()), 28), "map-sub");
        out.append("</g>");
    }

    private void node(StringBuilder out, ClusterPicture.Node node, int x, int h, Map<String, int[]> podCentres) {
        MapElement ref = new MapElement(MapElement.Kind.NODE, "", node.name());
        out.append("<g class='map-box node").append(node.ready() ? "" : " not-ready").append("' data-ref='").append(ref.ref())
                .append("' tabindex='0' role='button' aria-label='Node ").append(esc(node.name()))
                .append(node.ready() ? ", Ready" : ", NotReady").append(". Open its YAML'><rect x='").append(x).append("' y='")
                .append(TOP).append("' width='").append(BOX_W).append("' height='").append(h).append("' rx='10'/>");
        text(out, x + 12, TOP + 22, node.name() + (node.ready() ? "" : " (NotReady)"), "map-box-title");
        text(out, x + 12, TOP + 40, (node.controlPlane() ? "control plane" : "worker")
                + (node.systemPods() > 0 ? " · " + node.systemPods() + " system pods" : ""), "map-sub");
        out.append("</g>");
        anchors.put(node.name(), new int[] {x + BOX_W - MARKER_INSET, TOP + 18});
        int y = TOP + 52;
        for (ClusterPicture.Pod pod : node.pods()) {
            item(out, new MapElement(MapElement.Kind.POD, pod.namespace(), pod.name()), x + 10, y, shorten(pod.name(), 21),
                    "phase-" + pod.phase().name().toLowerCase(), "Pod " + pod.name() + ", " + phaseWord(pod.phase()));
            podCentres.put(pod.name(), new int[] {x + BOX_W / 2, y + POD_H / 2});
            if (!pod.ip().isEmpty()) {
                anchors.put(pod.ip(), new int[] {x + BOX_W - MARKER_INSET - 4, y + POD_H / 2});
            }
            y += POD_H + 6;
        }
    }

    private void services(StringBuilder out, List<ClusterPicture.Service> services, int y, Map<String, int[]> pods, int width) {
        if (services.isEmpty()) {
            return;
        }
        text(out, GAP, y - 12, "Services, linked to the pods their selector picks:", "map-heading");
        int x = GAP;
        int step = Math.max(BOX_W, (width - GAP) / Math.max(services.size(), 1));
        for (ClusterPicture.Service s : services) {
            int cx = x + BOX_W / 2 - 10;
            for (String pod : s.pods()) {
                int[] p = pods.get(pod);
                if (p != null) {
                    out.append("<path class='map-link' d='M").append(cx).append(' ').append(y).append(" C").append(cx).append(' ')
                            .append(y - 40).append(' ').append(p[0]).append(' ').append(p[1] + 60).append(' ').append(p[0])
                            .append(' ').append(p[1] + POD_H / 2).append("'/>");
                }
            }
            MapElement ref = new MapElement(MapElement.Kind.SERVICE, s.namespace(), s.name());
            // The default/kubernetes Service has no selector: the API server writes its endpoints itself.
            String selector = s.selector().isEmpty()
                    ? (s.name().equals("kubernetes") && s.namespace().equals("default") ? "the API server" : "no selector")
                    : String.join(",", s.selector().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
            out.append("<g class='map-service' data-ref='").append(ref.ref()).append("' tabindex='0' role='button' aria-label='Service ")
                    .append(esc(s.name())).append(", selects ").append(esc(selector)).append(", ").append(s.pods().size())
                    .append(" pods. Open its YAML'><rect x='").append(x).append("' y='").append(y).append("' width='")
                    .append(BOX_W - 20).append("' height='40' rx='20'/>");
            text(out, x + 14, y + 17, s.name() + " · " + s.type(), "map-service-name");
            text(out, x + 14, y + 32, shorten(selector, 26), "map-sub");
            out.append("</g>");
            anchors.put(s.clusterIp(), new int[] {cx, y + 20});
            x += step;
        }
    }

    /**
     * The packet's hops as numbered markers on the boxes it visits, joined in order, and the packet
     * itself moving along them; the list beside the map gives the rules. Hops in the same place
     * stand side by side rather than on top of each other.
     */
    private void packet(PacketPath path) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        Map<String, Integer> taken = new LinkedHashMap<>();
        int n = 0;
        int[] last = null;
        for (PacketPath.Hop hop : path.hops()) {
            int[] anchor = where(hop, last);
            if (anchor == null) {
                continue;
            }
            int before = taken.merge(anchor[0] + "," + anchor[1], 1, Integer::sum) - 1;
            int[] at = {anchor[0] - before * 24, anchor[1]};
            points.append(at[0]).append(',').append(at[1]).append(' ');
            dots.append("<g class='trace-hop' data-hop='").append(n + 1).append("' style='animation-delay:").append(n * HOP_MS)
                    .append("ms'><circle cx='").append(at[0]).append("' cy='").append(at[1]).append("' r='10'/><text x='")
                    .append(at[0]).append("' y='").append(at[1] + 4).append("' text-anchor='middle'>").append(++n)
                    .append("</text></g>");
            last = anchor;
        }
        String route = points.toString().strip();
        svg.append("<polyline class='trace-line' points='").append(route).append("'/>").append(dots);
        if (n > 1) {
            svg.append("<circle class='trace-packet' r='6'><animateMotion dur='").append((n - 1) * HOP_MS)
                    .append("ms' fill='freeze' path='M").append(route.replace(' ', 'L')).append("'/></circle>");
        }
    }

    /** Where a hop is drawn: its node or the laptop by name, a pod's namespace by the pod's address, else between the last two. */
    private int[] where(PacketPath.Hop hop, int[] last) {
        if (anchors.containsKey(hop.namespace())) {
            return anchors.get(hop.namespace());
        }
        for (String step : hop.steps()) {
            for (Map.Entry<String, int[]> anchor : anchors.entrySet()) {
                if (anchor.getKey().matches("[0-9.]+") && (step.contains("local " + anchor.getKey() + " ")
                        || step.startsWith("sent tcp " + anchor.getKey() + ":"))) {
                    return anchor.getValue();
                }
            }
        }
        return last == null ? null : new int[] {last[0] + BOX_W / 2 + GAP / 2, last[1] + 14};
    }

    private static void item(StringBuilder out, MapElement ref, int x, int y, String label, String cls, String aria) {
        out.append("<g class='map-item ").append(cls).append("' data-ref='").append(esc(ref.ref()))
                .append("' tabindex='0' role='button' aria-label='").append(esc(aria)).append(". Open its details'><rect x='")
                .append(x).append("' y='").append(y).append("' width='").append(BOX_W - 20).append("' height='").append(POD_H)
                .append("' rx='6'/>");
        text(out, x + 8, y + 17, shorten(label, 26), "map-item-name");
        out.append("</g>");
    }

    static String phaseWord(ClusterPicture.Phase phase) {
        String word = phase.name().toLowerCase();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void text(StringBuilder out, int x, int y, String text, String cls) {
        out.append("<text class='").append(cls).append("' x='").append(x).append("' y='").append(y).append("'>")
                .append(esc(text)).append("</text>");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
