package org.swarmtube.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.catalog.StoreFixtures.ALICE;
import static org.swarmtube.catalog.StoreFixtures.BOB;
import static org.swarmtube.catalog.StoreFixtures.START;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.SignedCatalog;

/** The node's own videos: what {@code Node} relies on, before and after the V2 migration. */
class VideoStoreTest {
    @TempDir
    Path dir;

    private static VideoRecord own(String seed, String title, List<String> tags, Instant published) {
        String infohash = StoreFixtures.infohash(seed);
        return new VideoRecord(VideoId.ofInfohash(infohash), infohash, Optional.empty(), title, "about " + title, tags,
                seed + ".mp4", 1234, published);
    }

    @Test
    void putFindAndOwnVideosBehaveAsBefore() {
        try (VideoStore store = VideoStore.open(dir)) {
            VideoRecord a = own("a", "First", List.of("travel", "sea"), START);
            VideoRecord b = own("b", "Second", List.of(), START.plusSeconds(60));
            store.put(a);
            store.put(b);
            assertThat(store.find(a.id())).contains(a);
            assertThat(store.ownVideos()).containsExactly(b, a);

            VideoRecord renamed = own("a", "First, renamed", List.of("lake"), START);
            store.put(renamed);
            assertThat(store.find(a.id())).contains(renamed);
            assertThat(store.ownVideos()).hasSize(2);
            assertThat(store.find(VideoId.ofInfohash(StoreFixtures.infohash("nope")))).isEmpty();
        }
    }

    @Test
    void anOwnVideoAndAChannelsListingOfItLiveSideBySide() throws Exception {
        try (VideoStore store = VideoStore.open(dir)) {
            VideoRecord mine = own("shared", "Mine", List.of("x"), START);
            store.put(mine);
            store.channels().merge(SignedCatalog.create(ALICE, ChannelProfile.named("Alice"))
                    .withVideo(ALICE, StoreFixtures.video("shared", "Alice's copy", 1)), StoreFixtures.infohash("c"));

            assertThat(store.find(mine.id())).contains(mine);
            assertThat(store.ownVideos()).containsExactly(mine);
            store.channels().merge(SignedCatalog.create(BOB, ChannelProfile.named("Bob"))
                    .withVideo(BOB, StoreFixtures.video("shared", "Bob's copy", 2)), StoreFixtures.infohash("d"));
            assertThat(store.find(mine.id())).contains(mine);
            store.put(own("shared", "Mine again", List.of(), START));
            assertThat(store.channels().browse(0, 10)).extracting(VideoSummary::title)
                    .containsExactly("Bob's copy", "Alice's copy");
            assertThat(store.ownVideos()).extracting(VideoRecord::title).containsExactly("Mine again");
        }
    }

    @Test
    void withoutAnOwnCopyFindGivesTheNewestChannelListing() throws Exception {
        try (VideoStore store = VideoStore.open(dir)) {
            store.channels().merge(SignedCatalog.create(BOB, ChannelProfile.named("Bob"))
                    .withVideo(BOB, StoreFixtures.video("shared", "Bob's copy", 5)), StoreFixtures.infohash("d"));
            store.channels().merge(SignedCatalog.create(ALICE, ChannelProfile.named("Alice"))
                    .withVideo(ALICE, StoreFixtures.video("shared", "Alice's copy", 1)), StoreFixtures.infohash("c"));
            VideoRecord found = store.find(VideoId.ofInfohash(StoreFixtures.infohash("shared"))).orElseThrow();
            assertThat(found.title()).isEqualTo("Bob's copy");
            assertThat(found.channelKey()).contains(BOB.publicKeyHex());
            assertThat(found.fileName()).isEmpty();
        }
    }

    @Test
    void aVersion1DatabaseKeepsItsVideos() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("swarmtube");
        Flyway.configure().dataSource(url, "", "").target("1").load().migrate();
        String infohash = StoreFixtures.infohash("old");
        String id = VideoId.ofInfohash(infohash).toString();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO video(video_id, infohash, channel_key, title, description, file_name, size_bytes,"
                    + " published_at) VALUES ('" + id + "', '" + infohash + "', NULL, 'Old', 'From V1', 'old.mp4', 99,"
                    + " TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+00')");
            s.executeUpdate("INSERT INTO video_tag(video_id, position, tag) VALUES ('" + id + "', 0, 'one'),"
                    + " ('" + id + "', 1, 'two')");
        }

        try (VideoStore store = VideoStore.open(dir)) {
            VideoRecord old = store.find(VideoId.parse(id)).orElseThrow();
            assertThat(old.title()).isEqualTo("Old");
            assertThat(old.tags()).containsExactly("one", "two");
            assertThat(old.fileName()).isEqualTo("old.mp4");
            assertThat(old.publishedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
            assertThat(store.ownVideos()).containsExactly(old);
        }
    }
}
