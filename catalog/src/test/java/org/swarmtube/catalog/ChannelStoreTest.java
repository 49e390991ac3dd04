package org.swarmtube.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmtube.catalog.StoreFixtures.ALICE;
import static org.swarmtube.catalog.StoreFixtures.BOB;
import static org.swarmtube.catalog.StoreFixtures.CAROL;
import static org.swarmtube.catalog.StoreFixtures.START;
import static org.swarmtube.catalog.StoreFixtures.dump;
import static org.swarmtube.catalog.StoreFixtures.link;
import static org.swarmtube.catalog.StoreFixtures.video;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.CatalogException;
import org.swarmtube.catalog.channel.CatalogLayout;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Jpeg;
import org.swarmtube.catalog.channel.SignedCatalog;

/** The channel store on a real H2 file: merging, the feed, replays, blocks, subscriptions, watch positions. */
class ChannelStoreTest {
    private static final String IH1 = StoreFixtures.infohash("catalog 1");
    private static final String IH2 = StoreFixtures.infohash("catalog 2");
    private static final String IH3 = StoreFixtures.infohash("catalog 3");

    @TempDir
    Path dir;
    private final StoreFixtures.TestClock clock = new StoreFixtures.TestClock(START.plus(Duration.ofDays(30)));
    private VideoStore store;
    private ChannelStore channels;

    private final SignedCatalog alice1 = SignedCatalog.create(ALICE, ChannelProfile.named("Alpine Walks"))
            .withVideos(ALICE, List.of(video("a1", "Morning on the ridge", 1), video("a2", "Glacier crossing", 2),
                    video("a3", "Hut dinner", 3)));

    @BeforeEach
    void open() {
        store = VideoStore.open(dir, clock);
        channels = store.channels();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aMergedCatalogOfASubscriptionFillsTheFeedNewestFirstAndUnseen() throws Exception {
        assertThat(channels.subscribe(link(ALICE))).isTrue();
        MergeResult result = channels.merge(alice1, IH1);

        assertThat(result).isEqualTo(new MergeResult(MergeResult.Outcome.MERGED, 3, 0, 0));
        List<VideoSummary> feed = channels.feed(0, 10);
        assertThat(feed).extracting(VideoSummary::title)
                .containsExactly("Hut dinner", "Glacier crossing", "Morning on the ridge");
        assertThat(feed).allMatch(VideoSummary::unseen);
        assertThat(feed.get(0).channelName()).isEqualTo("Alpine Walks");
        assertThat(feed.get(0).channelKey()).isEqualTo(ALICE.publicKeyHex());
        assertThat(feed.get(0).magnet().toUri()).contains("xt=urn:btih:" + StoreFixtures.infohash("a3"));
        assertThat(channels.unseenCount()).isEqualTo(3);

        channels.markSeen(List.of(feed.get(0).videoId()));
        assertThat(channels.feed(0, 10)).extracting(VideoSummary::unseen).containsExactly(false, true, true);
        assertThat(channels.unseenCount()).isEqualTo(2);
        channels.markAllSeen();
        assertThat(channels.unseenCount()).isZero();
        assertThat(channels.feed(1, 1)).extracting(VideoSummary::title).containsExactly("Glacier crossing");

        ChannelInfo info = channels.channel(ALICE.publicKeyHex()).orElseThrow();
        assertThat(info.name()).contains("Alpine Walks");
        assertThat(info.seq()).hasValue(alice1.seq());
        assertThat(info.catalogInfohash()).contains(IH1);
        assertThat(info.source()).isEqualTo(ChannelSource.SUBSCRIBED);
        assertThat(info.link()).contains(link(ALICE));
        assertThat(info.subscribed()).isTrue();
        assertThat(info.videoCount()).isEqualTo(3);
    }

    @Test
    void aReplayedOrEqualSeqIsRefusedAndLeavesH2Unchanged() throws Exception {
        SignedCatalog newer = alice1.withVideo(ALICE, video("a4", "Descent", 4));
        channels.subscribe(link(ALICE));
        channels.merge(newer, IH2);
        String before = dump(dir);
        assertThat(before).contains("Descent", IH2);

        assertThatThrownBy(() -> channels.merge(alice1, IH1))
                .isInstanceOf(CatalogException.class).hasMessageContaining("replayed or stale");
        assertThatThrownBy(() -> channels.merge(newer, IH3)).isInstanceOf(CatalogException.class);

        assertThat(dump(dir)).isEqualTo(before);
        assertThat(channels.feed(0, 10)).hasSize(4);
    }

    @Test
    void aNewerCatalogReplacesTheChannelsListing() throws Exception {
        channels.subscribe(link(ALICE));
        channels.merge(alice1, IH1);
        VideoId seen = VideoId.ofInfohash(StoreFixtures.infohash("a1"));
        channels.markSeen(List.of(seen));
        clock.advance(Duration.ofDays(1));

        SignedCatalog next = alice1.withoutVideo(ALICE, VideoId.ofInfohash(StoreFixtures.infohash("a2")))
                .withVideo(ALICE, video("a3", "Hut dinner, with soup", 3))
                .withVideo(ALICE, video("a5", "Summit", 5))
                .withProfile(ALICE, new ChannelProfile("Alpine Walks and Climbs", "New name.", Optional.empty(),
                        List.of()));
        MergeResult result = channels.merge(next, IH2);

        // the new channel name changes every remaining video's search tokens, so all count as changed
        assertThat(result).isEqualTo(new MergeResult(MergeResult.Outcome.MERGED, 1, 2, 1));
        assertThat(channels.feed(0, 10)).extracting(VideoSummary::title)
                .containsExactly("Summit", "Hut dinner, with soup", "Morning on the ridge");
        assertThat(channels.feed(0, 10)).extracting(VideoSummary::unseen).containsExactly(true, true, false);
        assertThat(channels.feed(0, 10)).extracting(VideoSummary::channelName).containsOnly("Alpine Walks and Climbs");
        assertThat(channels.search("glacier", 0, 10)).isEmpty();
        assertThat(channels.search("soup", 0, 10)).extracting(VideoSummary::title).containsExactly("Hut dinner, with soup");
        assertThat(channels.search("climbs", 0, 10)).hasSize(3);
        assertThat(channels.browse(0, 10)).hasSize(3);
        assertThat(channels.channel(ALICE.publicKeyHex()).orElseThrow().description()).isEqualTo("New name.");
        assertThat(StoreFixtures.orphanTokens(dir)).isZero();
    }

    @Test
    void aBlockedChannelDisappearsEverywhereAndItsCatalogsAreIgnored() throws Exception {
        SignedCatalog bob1 = SignedCatalog.create(BOB, ChannelProfile.named("Bob's Glacier Spam"))
                .withVideos(BOB, List.of(video("b1", "Glacier tricks", 10), video("b2", "More glacier tricks", 11)));
        channels.subscribe(link(ALICE));
        channels.subscribe(link(BOB));
        channels.merge(alice1, IH1);
        channels.merge(bob1, IH2);
        assertThat(channels.search("glacier", 0, 10)).hasSize(3);

        assertThat(channels.block(link(BOB))).isTrue();

        assertThat(channels.feed(0, 10)).extracting(VideoSummary::channelKey).containsOnly(ALICE.publicKeyHex());
        assertThat(channels.browse(0, 10)).extracting(VideoSummary::channelKey).containsOnly(ALICE.publicKeyHex());
        assertThat(channels.search("glacier", 0, 10)).extracting(VideoSummary::title).containsExactly("Glacier crossing");
        assertThat(channels.search("spam", 0, 10)).isEmpty();
        assertThat(channels.subscriptions()).extracting(s -> s.link().publicKeyHex()).containsExactly(ALICE.publicKeyHex());
        assertThat(channels.isBlocked(BOB.publicKeyHex())).isTrue();
        assertThat(channels.channel(BOB.publicKeyHex()).orElseThrow().blocked()).isTrue();

        String before = dump(dir);
        SignedCatalog bob2 = bob1.withVideo(BOB, video("b3", "Glacier tricks 3", 12));
        assertThat(channels.merge(bob2, IH3).outcome()).isEqualTo(MergeResult.Outcome.IGNORED_BLOCKED);
        assertThat(dump(dir)).isEqualTo(before);
        assertThat(StoreFixtures.orphanTokens(dir)).isZero();

        assertThat(channels.unblock(link(BOB))).isTrue();
        assertThat(channels.search("glacier", 0, 10)).hasSize(1);
        assertThat(channels.merge(bob2, IH3).added()).isEqualTo(3);
        assertThat(channels.search("glacier", 0, 10)).hasSize(4);
        assertThat(channels.feed(0, 10)).extracting(VideoSummary::channelKey).containsOnly(ALICE.publicKeyHex());
    }

    @Test
    void subscribingAgainLiftsABlock() {
        channels.block(link(BOB));
        channels.subscribe(link(BOB));
        assertThat(channels.isBlocked(BOB.publicKeyHex())).isFalse();
    }

    @Test
    void unsubscribingTakesAChannelOutOfTheFeedButNotOutOfBrowseOrSearch() throws Exception {
        channels.subscribe(link(ALICE));
        channels.merge(alice1, IH1);

        assertThat(channels.unsubscribe(link(ALICE))).isTrue();
        assertThat(channels.unsubscribe(link(ALICE))).isFalse();

        assertThat(channels.feed(0, 10)).isEmpty();
        assertThat(channels.subscriptions()).isEmpty();
        assertThat(channels.browse(0, 10)).hasSize(3);
        assertThat(channels.search("hut", 0, 10)).hasSize(1);
        assertThat(channels.channel(ALICE.publicKeyHex()).orElseThrow().subscribed()).isFalse();
    }

    @Test
    void subscriptionsCarryWhatAPollerNeeds() throws Exception {
        channels.subscribe(link(ALICE));
        Subscription fresh = channels.subscriptions().get(0);
        assertThat(fresh.link()).isEqualTo(link(ALICE));
        assertThat(fresh.since()).isEqualTo(clock.instant());
        assertThat(fresh.seq()).isEmpty();
        assertThat(fresh.lastPoll()).isEmpty();
        assertThat(fresh.keepCopy()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        channels.merge(alice1, IH1);
        assertThat(channels.recordPoll(link(ALICE))).isTrue();
        assertThat(channels.setKeepCopy(link(ALICE), true)).isTrue();
        assertThat(channels.subscribe(link(ALICE))).isFalse();

        Subscription polled = channels.subscriptions().get(0);
        assertThat(polled.since()).isEqualTo(fresh.since());
        assertThat(polled.lastPoll()).contains(clock.instant());
        assertThat(polled.seq()).hasValue(alice1.seq());
        assertThat(polled.catalogInfohash()).contains(IH1);
        assertThat(polled.keepCopy()).isTrue();
        assertThat(polled.name()).contains("Alpine Walks");
        assertThat(channels.setKeepCopy(link(BOB), true)).isFalse();
    }

    @Test
    void recommendedChannelsBecomeKnownWithTheirLinks() throws Exception {
        ChannelProfile profile = new ChannelProfile("Alpine Walks", "", Optional.of(jpeg()),
                List.of(link(BOB), link(CAROL)));
        channels.merge(SignedCatalog.create(ALICE, profile), IH1);
        channels.learn(link(CAROL).withPeer("192.0.2.1:6881"), ChannelSource.LAN);

        assertThat(channels.channels()).extracting(ChannelInfo::publicKeyHex)
                .containsExactlyInAnyOrder(ALICE.publicKeyHex(), BOB.publicKeyHex(), CAROL.publicKeyHex());
        ChannelInfo alice = channels.channel(ALICE.publicKeyHex()).orElseThrow();
        assertThat(alice.recommended()).containsExactly(link(BOB), link(CAROL));
        assertThat(alice.source()).isEqualTo(ChannelSource.LINK);
        assertThat(alice.link()).isEmpty(); // a catalog does not carry its salt
        ChannelInfo bob = channels.channel(BOB.publicKeyHex()).orElseThrow();
        assertThat(bob.source()).isEqualTo(ChannelSource.RECOMMENDED);
        assertThat(bob.link()).contains(link(BOB));
        assertThat(bob.name()).isEmpty();
        assertThat(channels.channel(CAROL.publicKeyHex()).orElseThrow().source()).isEqualTo(ChannelSource.RECOMMENDED);
        assertThat(channels.avatar(ALICE.publicKeyHex())).contains(jpeg());
        assertThat(channels.avatar(BOB.publicKeyHex())).isEmpty();

        channels.learn(link(ALICE), ChannelSource.LAN);
        assertThat(channels.channel(ALICE.publicKeyHex()).orElseThrow().link()).contains(link(ALICE));
    }

    @Test
    void aVideoClaimingAFutureDateIsListedWhenItWasFirstSeen() throws Exception {
        SignedCatalog liar = SignedCatalog.create(BOB, ChannelProfile.named("Liar"))
                .withVideo(BOB, CatalogEntry.of(StoreFixtures.infohash("future"), "From the future", "", List.of(),
                        Duration.ZERO, 0, 0, 1, Instant.parse("9999-01-01T00:00:00Z"), Optional.empty()));
        channels.subscribe(link(ALICE));
        channels.subscribe(link(BOB));
        channels.merge(liar, IH2);
        clock.advance(Duration.ofHours(1));
        SignedCatalog fresh = alice1.withVideo(ALICE, video("a9", "Fresh", 24 * 30 + 1));
        channels.merge(fresh, IH1);

        assertThat(channels.feed(0, 2)).extracting(VideoSummary::title).containsExactly("Fresh", "From the future");
        assertThat(channels.feed(0, 2).get(1).published()).isEqualTo(Instant.parse("9999-01-01T00:00:00Z"));
    }

    @Test
    void theFullEntryReadsBackEqual() throws Exception {
        CatalogEntry full = CatalogEntry.of(StoreFixtures.infohash("full"), "Full", "Line one\nLine two",
                List.of("b", "a"), Duration.ofMillis(123_456), 1920, 1080, 42, START, Optional.of(jpeg()));
        channels.merge(SignedCatalog.create(ALICE, ChannelProfile.named("A")).withVideo(ALICE, full), IH1);

        assertThat(channels.video(ALICE.publicKeyHex(), full.videoId())).contains(full);
        assertThat(channels.video(BOB.publicKeyHex(), full.videoId())).isEmpty();
        assertThat(store.find(full.videoId()).orElseThrow().fileName()).isEmpty();
        assertThat(store.find(full.videoId()).orElseThrow().tags()).containsExactly("b", "a");
    }

    @Test
    void watchPositionsAreKeptPerVideoAndNewestFirst() {
        VideoId a = VideoId.ofInfohash(StoreFixtures.infohash("a1"));
        VideoId b = VideoId.ofInfohash(StoreFixtures.infohash("a2"));
        assertThat(channels.position(a)).isEmpty();

        channels.recordPosition(a, Duration.ofSeconds(42), false);
        clock.advance(Duration.ofMinutes(1));
        channels.recordPosition(b, Duration.ofSeconds(7), false);
        clock.advance(Duration.ofMinutes(1));
        channels.recordPosition(a, Duration.ofSeconds(90), true);

        WatchPosition pa = channels.position(a).orElseThrow();
        assertThat(pa.position()).isEqualTo(Duration.ofSeconds(90));
        assertThat(pa.finished()).isTrue();
        assertThat(pa.resumeAt()).isEqualTo(Duration.ZERO);
        assertThat(pa.watchedAt()).isEqualTo(clock.instant());
        assertThat(channels.position(b).orElseThrow().resumeAt()).isEqualTo(Duration.ofSeconds(7));
        assertThat(channels.history(10)).extracting(WatchPosition::videoId).containsExactly(a, b);
        assertThatThrownBy(() -> channels.recordPosition(a, Duration.ofSeconds(-1), false))
                .isInstanceOf(IllegalArgumentException.class);

        channels.clearHistory();
        assertThat(channels.history(10)).isEmpty();
    }

    @Test
    void everythingSurvivesReopening() throws Exception {
        channels.subscribe(link(ALICE));
        channels.merge(alice1, IH1);
        channels.recordPosition(VideoId.ofInfohash(StoreFixtures.infohash("a1")), Duration.ofSeconds(3), false);
        store.close();

        store = VideoStore.open(dir, clock);
        channels = store.channels();
        assertThat(channels.feed(0, 10)).hasSize(3);
        assertThat(channels.search("ridge", 0, 10)).hasSize(1);
        assertThat(channels.history(10)).hasSize(1);
        assertThatThrownBy(() -> channels.merge(alice1, IH1)).isInstanceOf(CatalogException.class);
    }

    @Test
    void pagesAndKeysAreChecked() {
        assertThatThrownBy(() -> channels.feed(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channels.browse(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channels.search("x", 0, ChannelStore.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channels.channel("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channels.merge(alice1, "nope")).isInstanceOf(IllegalArgumentException.class);
        assertThat(channels.channel(ALICE.publicKeyHex().toUpperCase())).isEmpty();
    }

    private static Jpeg jpeg() {
        return Jpeg.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3, (byte) 0xff, (byte) 0xd9});
    }
}
