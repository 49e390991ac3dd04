package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmtube.catalog.channel.Fixtures.ALICE;
import static org.swarmtube.catalog.channel.Fixtures.MALLORY;
import static org.swarmtube.catalog.channel.Fixtures.profile;
import static org.swarmtube.catalog.channel.Fixtures.text;
import static org.swarmtube.catalog.channel.Fixtures.video;
import static org.swarmtube.catalog.channel.Fixtures.videos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.swarmtube.catalog.VideoId;

/** Building catalog versions, reading them back, and their exact bytes. */
class SignedCatalogTest {

    @Test
    void roundTripsThroughFiles() throws Exception {
        SignedCatalog catalog = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 20, 9000));
        SortedMap<String, byte[]> files = CatalogLayout.toFiles(catalog);

        SignedCatalog read = CatalogLayout.fromFiles(files, ALICE.publicKey());

        assertThat(read.seq()).isEqualTo(2);
        assertThat(read.channelKeyHex()).isEqualTo(ALICE.publicKeyHex());
        assertThat(read.profile()).isEqualTo(profile());
        assertThat(read.videos()).isEqualTo(videos(0, 20, 9000));
        assertThat(read.video(video(3, 9000).videoId())).contains(video(3, 9000));
        assertThat(read.recordCount()).isEqualTo(20);
        assertThat(read.totalBytes()).isEqualTo(catalog.totalBytes());
        assertThat(CatalogLayout.changedFiles(files, CatalogLayout.toFiles(read))).isEmpty();
        assertThat(files.keySet()).containsExactly("head.json", "packs/000000.jsonl", "profile.json");
    }

    @Test
    void anEntryWithoutThumbnailAndUnknownResolutionRoundTrips() throws Exception {
        CatalogEntry bare = CatalogEntry.of("0123456789abcdef0123456789abcdef01234567", "Audio only", "", List.of(),
                Duration.ZERO, 0, 0, 0, Instant.EPOCH, Optional.empty());
        SignedCatalog catalog = SignedCatalog.create(ALICE, ChannelProfile.named("A")).withVideo(ALICE, bare);
        assertThat(CatalogLayout.fromFiles(CatalogLayout.toFiles(catalog), ALICE.publicKey()).videos())
                .containsExactly(bare);
    }

    @Test
    void theSameCatalogHasTheSameBytesOnEveryRunAndMachine() {
        SortedMap<String, byte[]> a = CatalogLayout.toFiles(
                SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 3, 500)));
        SortedMap<String, byte[]> b = CatalogLayout.toFiles(
                SignedCatalog.create(Identity.fromSeed(Fixtures.seed("alice")), profile())
                        .withVideo(ALICE, video(0, 500)).withVideo(ALICE, video(1, 500)).withVideo(ALICE, video(2, 500)));
        assertThat(a.keySet()).isEqualTo(b.keySet());
        assertThat(a.get("packs/000000.jsonl")).isEqualTo(b.get("packs/000000.jsonl"));
        assertThat(a.get("profile.json")).isEqualTo(b.get("profile.json"));
        // the heads differ only in seq (2 against 4): one bulk change against three single ones
        assertThat(text(a.get("head.json"))).contains("\"seq\":2,");
        assertThat(text(b.get("head.json"))).contains("\"seq\":4,");

        // pinned: Ed25519 signatures are deterministic, so these hashes change only if the format does
        assertThat(Sha256.hex(a.get("packs/000000.jsonl")))
                .isEqualTo(GOLDEN_PACK);
        assertThat(Sha256.hex(a.get("head.json"))).isEqualTo(GOLDEN_HEAD);
    }

    static final String GOLDEN_PACK = "f05ecc256f331eaa4a5be9094efa61f5b5836d3e159a057d32be849c68c1169e";
    static final String GOLDEN_HEAD = "74ff5f47d17847e50d82ae59a7480164ed7da88ea9e7cce23062dc1088b8217d";

    @Test
    void aRecordLooksAsDocumented() {
        CatalogEntry entry = CatalogEntry.of("0123456789abcdef0123456789abcdef01234567", "Title \"quoted\"",
                "Line 1\r\nLine 2 ", List.of("tag"), Duration.ofMillis(1500), 640, 360, 1234,
                Instant.ofEpochMilli(1_700_000_000_123L), Optional.of(Jpeg.of(new byte[] {-1, -40, -1, -1, -39})));
        SignedCatalog catalog = SignedCatalog.create(ALICE, ChannelProfile.named("A")).withVideo(ALICE, entry);
        assertThat(text(CatalogLayout.toFiles(catalog).get("packs/000000.jsonl"))).isEqualTo(
                "{\"description\":\"Line 1\\nLine 2\",\"duration\":1500,\"height\":360,"
                        + "\"infohash\":\"0123456789abcdef0123456789abcdef01234567\",\"n\":0,\"published\":1700000000123,"
                        + "\"schema\":1,\"size\":1234,\"tags\":[\"tag\"],\"thumbnail\":\"/9j//9k=\","
                        + "\"title\":\"Title \\\"quoted\\\"\",\"type\":\"video\",\"videoId\":\"" + entry.videoId()
                        + "\",\"width\":640}\n");
        assertThat(text(CatalogLayout.toFiles(catalog).get("head.json")))
                .matches("\\{\"channel\":\"" + ALICE.publicKeyHex() + "\",\"packs\":\\[\"[0-9a-f]{64}\"],"
                        + "\"profile\":\"[0-9a-f]{64}\",\"records\":1,\"schema\":1,\"seq\":2,\"sig\":\"[0-9a-f]{128}\","
                        + "\"type\":\"head\",\"videos\":1}\n");
    }

    @Test
    void theLargestValidRecordAndProfileFitTheFileLimits() throws Exception {
        String euro = "\u20ac"; // three bytes in UTF-8
        List<String> tags = java.util.Collections.nCopies(CatalogLimits.MAX_TAGS, euro.repeat(CatalogLimits.MAX_TAG));
        CatalogEntry largest = CatalogEntry.of("0123456789abcdef0123456789abcdef01234567",
                euro.repeat(CatalogLimits.MAX_TITLE), "\"".repeat(CatalogLimits.MAX_DESCRIPTION).replace("\"\"", "\"" + euro),
                tags, Duration.ofMillis(CatalogLimits.MAX_DURATION_MS), CatalogLimits.MAX_FRAME_SIDE,
                CatalogLimits.MAX_FRAME_SIDE, CatalogLimits.MAX_VIDEO_BYTES, CatalogEntry.LATEST,
                Optional.of(Fixtures.jpeg(CatalogLimits.MAX_THUMBNAIL_BYTES, 3)));
        List<ChannelLink> recommended = new java.util.ArrayList<>();
        for (int i = 0; i < CatalogLimits.MAX_RECOMMENDED; i++) {
            recommended.add(ChannelLink.of(Fixtures.seed("channel " + i), new byte[ChannelLink.MAX_SALT_BYTES]));
        }
        ChannelProfile largestProfile = new ChannelProfile(euro.repeat(CatalogLimits.MAX_CHANNEL_NAME),
                euro.repeat(CatalogLimits.MAX_CHANNEL_DESCRIPTION),
                Optional.of(Fixtures.jpeg(CatalogLimits.MAX_AVATAR_BYTES, 4)), recommended);

        SignedCatalog catalog = SignedCatalog.create(ALICE, largestProfile).withVideo(ALICE, largest);
        SortedMap<String, byte[]> files = CatalogLayout.toFiles(catalog);
        System.out.printf("largest record %,d bytes (limit %,d), largest profile %,d bytes (limit %,d)%n",
                files.get("packs/000000.jsonl").length, CatalogLimits.MAX_RECORD_BYTES,
                files.get("profile.json").length, CatalogLimits.MAX_PROFILE_BYTES);
        SignedCatalog read = CatalogLayout.fromFiles(files, ALICE.publicKey());
        assertThat(read.videos()).containsExactly(largest);
        assertThat(read.profile()).isEqualTo(largestProfile);
    }

    @Test
    void republishingAVideoReplacesItsEntry() throws Exception {
        CatalogEntry first = video(1, 0);
        CatalogEntry renamed = CatalogEntry.of(first.infohash(), "A better title", first.description(), first.tags(),
                first.duration(), first.width(), first.height(), first.sizeBytes(), first.published(), first.thumbnail());
        SignedCatalog catalog = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 3, 0))
                .withVideo(ALICE, renamed);
        SignedCatalog read = CatalogLayout.fromFiles(CatalogLayout.toFiles(catalog), ALICE.publicKey());
        assertThat(read.videos()).extracting(CatalogEntry::title)
                .containsExactly(video(0, 0).title(), "A better title", video(2, 0).title());
        assertThat(read.recordCount()).isEqualTo(4);
    }

    @Test
    void unpublishingRemovesTheVideoAndItsTextFromTheFiles() throws Exception {
        SignedCatalog before = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 10, 3000));
        VideoId gone = video(4, 3000).videoId();
        SignedCatalog after = before.withoutVideo(ALICE, gone);

        SignedCatalog read = CatalogLayout.fromFiles(CatalogLayout.toFiles(after), ALICE.publicKey());
        assertThat(read.video(gone)).isEmpty();
        assertThat(read.videos()).hasSize(9);
        assertThat(read.recordCount()).isEqualTo(10);
        String all = String.join("", CatalogLayout.toFiles(after).values().stream().map(Fixtures::text).toList());
        assertThat(all).doesNotContain(video(4, 3000).title()).contains("{\"n\":4,\"schema\":1,\"type\":\"removal\"");

        SignedCatalog again = read.withVideo(ALICE, video(4, 3000));
        assertThat(CatalogLayout.fromFiles(CatalogLayout.toFiles(again), ALICE.publicKey()).video(gone)).isPresent();
        assertThatThrownBy(() -> after.withoutVideo(ALICE, gone)).hasMessageContaining("is not published");
    }

    @Test
    void aNewProfileChangesOnlyTheProfileAndTheHead() {
        SignedCatalog before = SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 300, 0));
        SignedCatalog after = before.withProfile(ALICE, ChannelProfile.named("Renamed"));
        assertThat(CatalogLayout.changedFiles(CatalogLayout.toFiles(before), CatalogLayout.toFiles(after)))
                .containsExactly("head.json", "profile.json");
    }

    @Test
    void onlyTheChannelsOwnKeyCanMakeTheNextVersion() {
        SignedCatalog catalog = SignedCatalog.create(ALICE, profile());
        assertThatThrownBy(() -> catalog.withVideo(MALLORY, video(1, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to channel " + ALICE.publicKeyHex());
    }

    @Test
    void theWriterRefusesWhatReadersWouldRefuse() {
        assertThatThrownBy(() -> CatalogEntry.of("0123456789abcdef0123456789abcdef01234567", "x".repeat(301), "",
                List.of(), Duration.ZERO, 0, 0, 0, Instant.EPOCH, Optional.empty()))
                .hasMessageContaining("title is longer than 300");
        assertThatThrownBy(() -> CatalogEntry.of("0123456789abcdef0123456789abcdef01234567", "ok", "", List.of(),
                Duration.ZERO, 0, 0, 0, Instant.EPOCH, Optional.of(Fixtures.jpeg(CatalogLimits.MAX_THUMBNAIL_BYTES + 1, 1))))
                .hasMessageContaining("thumbnail is 32769 bytes");
        assertThatThrownBy(() -> CatalogEntry.of("0123456789abcdef0123456789abcdef01234567", "bell\u0007", "",
                List.of(), Duration.ZERO, 0, 0, 0, Instant.EPOCH, Optional.empty()))
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> CatalogEntry.of("0123456789abcdef0123456789abcdef01234567", "ok", "", List.of(),
                Duration.ZERO, 1920, 0, 0, Instant.EPOCH, Optional.empty())).hasMessageContaining("resolution");
        assertThatThrownBy(() -> new CatalogEntry(video(2, 0).videoId(), video(1, 0).infohash(), "ok", "", List.of(),
                Duration.ZERO, 0, 0, 0, Instant.EPOCH, Optional.empty())).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> Jpeg.of(new byte[] {1, 2, 3, 4, 5})).hasMessageContaining("not a JPEG");
        assertThatThrownBy(() -> new ChannelProfile("A", "", Optional.empty(),
                List.of(ChannelLink.of(MALLORY.publicKey(), new byte[0]),
                        ChannelLink.of(MALLORY.publicKey(), new byte[0]).withPeer("h:1"))))
                .hasMessageContaining("recommended twice");
    }

    @Test
    void newerVersionsAreRecognisedAndReplaysRefused() throws Exception {
        SignedCatalog v1 = SignedCatalog.create(ALICE, profile());
        SignedCatalog v2 = v1.withVideo(ALICE, video(1, 0));
        Seq.requireNewer(v1, v2);
        assertThat(Seq.isNewer(v2.seq(), v1.seq())).isTrue();
        assertThatThrownBy(() -> Seq.requireNewer(v2, v1)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("refusing catalog version 1: version 2 is already held");
        assertThatThrownBy(() -> Seq.requireNewer(v2, v2)).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> Seq.requireNewer(v1, SignedCatalog.create(MALLORY, profile()).withVideo(MALLORY,
                video(1, 0)))).hasMessageContaining("as an update of channel");
    }

    static Map<String, byte[]> smallCatalogFiles() {
        return CatalogLayout.toFiles(SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 5, 2000)));
    }
}
