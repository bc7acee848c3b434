package org.laymanlabs.frontend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.workspace.ClusterPicture;
import org.laymanlabs.backend.workspace.PacketPath;

class MapDrawingTest {

    private static final ClusterPicture.Pod WEB_1 = new ClusterPicture.Pod("default", "web-1", ClusterPicture.Phase.RUNNING,
            true, "10.244.1.2", Map.of("app", "web"));
    private static final ClusterPicture.Pod WEB_2 = new ClusterPicture.Pod("default", "web-2", ClusterPicture.Phase.PENDING,
            false, "", Map.of("app", "web"));
    private static final ClusterPicture PICTURE = new ClusterPicture(
            List.of(new ClusterPicture.Node("worker-1", true, false, List.of(WEB_1, WEB_2), 2)),
            List.of(),
            List.of(new ClusterPicture.Service("default", "web", "ClusterIP", "10.96.0.10", Map.of("app", "web"),
                    List.of("web-1", "web-2"))),
            new ClusterPicture.DockerHost(List.of(), List.of("nginx:latest"), List.of()));

    @Test
    void podsSitInTheirNodeColouredByPhaseAndOpenable() {
        String svg = MapDrawing.draw(PICTURE, List.of());

        assertThat(svg).contains("class='map-item phase-running' data-ref='pod/default/web-1' tabindex='0' role='button'")
                .contains("class='map-item phase-pending' data-ref='pod/default/web-2'")
                .contains("worker · 2 system pods");
    }

    @Test
    void aServiceIsLinkedToEachPodItPicks() {
        String svg = MapDrawing.draw(PICTURE, List.of());

        assertThat(svg.split("class='map-link'", -1)).hasSize(3);
        assertThat(svg).contains("aria-label='Service web, selects app=web, 2 pods.");
    }

    private static final PacketPath TO_WEB_1 = new PacketPath("The first packet:", List.of(
            new PacketPath.Hop("laptop", List.of("sent tcp 192.168.1.20:5000 -> 10.244.1.2:80 [SYN]"), List.of()),
            new PacketPath.Hop("worker-1", List.of("FORWARD ACCEPT"), List.of()),
            new PacketPath.Hop("cni-1234", List.of("route: local 10.244.1.2 (for this namespace)"), List.of())));

    @Test
    void aTraceIsDrawnAsNumberedHopsOnTheBoxesItVisitsWithAPacketTravellingAlongThem() {
        String svg = MapDrawing.draw(PICTURE, List.of(TO_WEB_1));

        assertThat(svg).contains("class='trace-line'").contains(">1</text>", ">2</text>", ">3</text>")
                .contains("<circle class='trace-packet' r='6'><animateMotion dur='1200ms' fill='freeze' path='M");
    }

    @Test
    void aHopMarkerSitsAtThePodsRightEndClearOfItsName() {
        String svg = MapDrawing.draw(PICTURE, List.of(TO_WEB_1));
        int podX = 24 + MapDrawing.BOX_W + 24 + 10;
        int podRight = podX + MapDrawing.BOX_W - 20;

        int markerX = Integer.parseInt(svg.replaceAll("(?s).*data-hop='3'.*?<circle cx='(\\d+)'.*", "$1"));

        // A name is cut at 21 characters of the 12px monospace font, about 7.3px each.
        assertThat(markerX - 10).isGreaterThan(podX + 8 + (int) (21 * 7.3));
        assertThat(markerX + 10).isLessThanOrEqualTo(podRight);
    }

    @Test
    void twoHopsInOnePlaceStandSideBySide() {
        PacketPath twice = new PacketPath("The first packet:", List.of(
                new PacketPath.Hop("worker-1", List.of("PREROUTING"), List.of()),
                new PacketPath.Hop("worker-1", List.of("FORWARD ACCEPT"), List.of())));

        String svg = MapDrawing.draw(PICTURE, List.of(twice));

        String first = svg.replaceAll("(?s).*data-hop='1'.*?<circle cx='(\\d+)'.*", "$1");
        String second = svg.replaceAll("(?s).*data-hop='2'.*?<circle cx='(\\d+)'.*", "$1");
        assertThat(Integer.parseInt(first) - Integer.parseInt(second)).isEqualTo(24);
    }

    @Test
    void namesAreEscaped() {
        assertThat(MapDrawing.esc("<a href='x'>&")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;");
    }
}
