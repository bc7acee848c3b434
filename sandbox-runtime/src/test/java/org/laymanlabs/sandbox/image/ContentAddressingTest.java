package org.laymanlabs.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.laymanlabs.sandbox.image.fs.Diff;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Layers are addressed by their content")
class ContentAddressingTest {

    private static Diff app(String text, int mode) {
        return Diff.builder().dir("/app").file("/app/main.py", text, mode).build();
    }

    @Test
    void identicalDiffsBuiltSeparatelyHaveTheSameDiffId() {
        assertThat(Layer.diffIdOf(app("print(1)\n", 0644))).isEqualTo(Layer.diffIdOf(app("print(1)\n", 0644)));
    }

    @Test
    void anyChangeOfContentModeOwnerOrWhiteoutGivesAnotherDigest() {
        Digest original = Layer.diffIdOf(app("print(1)\n", 0644));

        assertThat(Layer.diffIdOf(app("print(2)\n", 0644))).isNotEqualTo(original);
        assertThat(Layer.diffIdOf(app("print(1)\n", 0755))).isNotEqualTo(original);
        assertThat(Layer.diffIdOf(Diff.builder().dir("/app", 0755, 1000, 1000)
                .file("/app/main.py", "print(1)\n", 0644).build())).isNotEqualTo(original);
        assertThat(Layer.diffIdOf(Diff.builder().dir("/app").file("/app/main.py", "print(1)\n", 0644)
                .whiteout("/tmp").build())).isNotEqualTo(original);
    }

    @Test
    void chainIdsFollowMobysFormula() {
        Layer base = Layer.base(app("a", 0644));
        Layer top = Layer.on(base, app("b", 0644));

        assertThat(base.chainId()).isEqualTo(base.diffId());
        assertThat(top.chainId()).isEqualTo(Digest.sha256(base.chainId() + " " + top.diffId()));
    }

    @Test
    void theSameDiffOnAnotherParentIsTheSameContentButAnotherChain() {
        Layer one = Layer.on(Layer.base(app("a", 0644)), app("c", 0644));
        Layer two = Layer.on(Layer.base(app("b", 0644)), app("c", 0644));

        assertThat(one.diffId()).isEqualTo(two.diffId());
        assertThat(one.chainId()).isNotEqualTo(two.chainId());
    }

    @Test
    void theImageIdIsTheDigestOfItsConfigJson() {
        Image image = Image.create(ImageConfig.empty().withCmd("sh"), java.time.Instant.parse("2025-01-01T00:00:00Z"),
                java.util.List.of(HistoryEntry.layer(java.time.Instant.parse("2025-01-01T00:00:00Z"), "ADD x /", "")),
                Layer.base(app("a", 0644)), null);

        assertThat(image.id()).isEqualTo(Digest.sha256(image.configJson()));
        assertThat(new String(image.configJson(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"sh\"]},\"created\":\"2025-01-01T00:00:00Z\"")
                .contains("\"rootfs\":{\"diff_ids\":[\"" + image.diffIds().get(0) + "\"],\"type\":\"layers\"}");
    }
}
