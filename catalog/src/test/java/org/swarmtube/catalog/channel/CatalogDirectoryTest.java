package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmtube.catalog.channel.Fixtures.ALICE;
import static org.swarmtube.catalog.channel.Fixtures.MALLORY;
import static org.swarmtube.catalog.channel.Fixtures.profile;
import static org.swarmtube.catalog.channel.Fixtures.video;
import static org.swarmtube.catalog.channel.Fixtures.videos;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's files in a directory, as a torrent client leaves them. */
class CatalogDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void writesOnlyWhatChangedAndReadsItBack() throws Exception {
        SignedCatalog v1 = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 200, 0));
        assertThat(CatalogDirectory.write(v1, dir))
                .containsExactly("head.json", "packs/000000.jsonl", "packs/000001.jsonl", "profile.json");
        SignedCatalog v2 = v1.withVideo(ALICE, video(200, 0));
        assertThat(CatalogDirectory.write(v2, dir)).containsExactly("head.json", "packs/000001.jsonl");

        SignedCatalog read = CatalogDirectory.read(dir, ALICE.publicKey());
        assertThat(read.seq()).isEqualTo(v2.seq());
        assertThat(read.videos()).isEqualTo(v2.videos());
        try (var names = Files.list(dir.resolve("packs"))) {
            assertThat(names.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".jsonl")).hasSize(2);
        }
    }

    @Test
    void ignoresOtherFilesButRefusesLinksAndOversizedFiles() throws Exception {
        CatalogDirectory.write(SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 3, 0)), dir);
        Files.writeString(dir.resolve(".parts"), "a torrent client's own file");
        Files.writeString(dir.resolve("packs/notes.txt"), "ignored");
        assertThat(CatalogDirectory.read(dir, ALICE.publicKey()).videos()).hasSize(3);
        assertThatThrownBy(() -> CatalogDirectory.read(dir, MALLORY.publicKey()))
                .hasMessageContaining("signed by another key");

        Path profile = dir.resolve("profile.json");
        Path elsewhere = Files.move(profile, dir.resolve("elsewhere.json"));
        Files.createSymbolicLink(profile, elsewhere);
        assertThatThrownBy(() -> CatalogDirectory.read(dir, ALICE.publicKey())).isInstanceOf(CatalogException.class)
                .hasMessageContaining("profile.json in the catalog directory is not a regular file");
        Files.delete(profile);
        Files.move(elsewhere, profile);

        Files.write(dir.resolve("packs/000001.jsonl"), new byte[CatalogLimits.MAX_PACK_BYTES + 1]);
        assertThatThrownBy(() -> CatalogDirectory.read(dir, ALICE.publicKey()))
                .hasMessageContaining("packs/000001.jsonl is 1048577 bytes, over the limit");
    }
}
