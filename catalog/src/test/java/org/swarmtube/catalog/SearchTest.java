package org.swarmtube.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.catalog.StoreFixtures.ALICE;
import static org.swarmtube.catalog.StoreFixtures.BOB;
import static org.swarmtube.catalog.StoreFixtures.START;
import static org.swarmtube.catalog.StoreFixtures.video;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.SignedCatalog;

/** Full-text search over merged catalogs: fields, folding, prefixes, ranking. */
class SearchTest {
    @TempDir
    static Path dir;
    private static VideoStore store;
    private static ChannelStore channels;

    @BeforeAll
    static void merge() throws Exception {
        store = VideoStore.open(dir, new StoreFixtures.TestClock(START.plus(Duration.ofDays(365))));
        channels = store.channels();
        channels.merge(SignedCatalog.create(ALICE, ChannelProfile.named("Les Voyages d'Élodie")).withVideos(ALICE, List.of(
                video("v1", "Holiday in Provence", "Lavender fields and markets.", List.of("travel", "france"), 1),
                video("v2", "Été à Paris", "Walking the Seine in summer.", List.of("city"), 2),
                video("v3", "Packing list", "What I take on a holiday: very little.", List.of("tips"), 3),
                video("v4", "Straße und Brücke", "A German road trip.", List.of("Holidays"), 4),
                video("v5", "Holidays at home", "Staying in.", List.of(), 5))), StoreFixtures.infohash("ca"));
        channels.merge(SignedCatalog.create(BOB, ChannelProfile.named("Bob Cooks")).withVideos(BOB, List.of(
                video("w1", "Sourdough bread", "Starter, flour, water, patience.", List.of("baking"), 6),
                video("w2", "東京のラーメン", "Tokyo ramen tour.", List.of("food"), 7),
                video("w3", "An ox at the market", "Farm day.", List.of(), 8))), StoreFixtures.infohash("cb"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String> titles(String query) {
        return channels.search(query, 0, 50).stream().map(VideoSummary::title).toList();
    }

    @Test
    void titlesDescriptionsTagsAndChannelNamesAreSearched() {
        assertThat(titles("lavender")).containsExactly("Holiday in Provence");
        assertThat(titles("france")).containsExactly("Holiday in Provence");
        assertThat(titles("cooks")).containsExactlyInAnyOrder("Sourdough bread", "東京のラーメン", "An ox at the market");
        assertThat(titles("patience")).containsExactly("Sourdough bread");
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        assertThat(titles("ete a paris")).containsExactly("Été à Paris");
        assertThat(titles("ÉTÉ")).containsExactly("Été à Paris");
        assertThat(titles("strasse brucke")).containsExactly("Straße und Brücke");
        assertThat(titles("elodie")).hasSize(5);
        assertThat(titles("SOURDOUGH")).containsExactly("Sourdough bread");
    }

    @Test
    void aWordBeingTypedMatchesAsAPrefix() {
        assertThat(titles("holi")).contains("Holiday in Provence", "Holidays at home", "Packing list",
                "Straße und Brücke");
        assertThat(titles("sourd")).containsExactly("Sourdough bread");
        assertThat(titles("voyages d'elo")).hasSize(5);
    }

    @Test
    void titleHitsRankFirstThenTagsThenDescriptions() {
        // two title hits, newest first; then the tag hit; then the description hit
        assertThat(titles("holiday")).containsExactly("Holiday in Provence", "Holidays at home", "Straße und Brücke",
                "Packing list");
        assertThat(titles("holidays")).containsExactly("Holidays at home", "Straße und Brücke");
    }

    @Test
    void everyWordMustMatch() {
        assertThat(titles("holiday provence")).containsExactly("Holiday in Provence");
        assertThat(titles("holiday bread")).isEmpty();
    }

    @Test
    void shortWordsMatchOnlyWholeWords() {
        assertThat(titles("ox")).containsExactly("An ox at the market");
        assertThat(titles("so")).isEmpty();
    }

    @Test
    void shortWordsBesideLongerOnesAreLeftOut() {
        // "a" would demand a word "a"; "s" is a word still being typed
        assertThat(SearchIndex.terms("Été à Paris")).containsExactly("ete", "paris");
        assertThat(titles("sourdough b")).containsExactly("Sourdough bread");
        assertThat(SearchIndex.terms("東京 a")).containsExactly("東", "京", "a");
    }

    @Test
    void hanAndKanaMatchCharacterByCharacter() {
        assertThat(titles("東京")).containsExactly("東京のラーメン");
        assertThat(titles("ラーメン")).containsExactly("東京のラーメン");
    }

    @Test
    void aQueryWithoutWordsFindsNothing() {
        assertThat(titles("")).isEmpty();
        assertThat(titles("  -- !! ")).isEmpty();
    }

    @Test
    void resultsHaveTheFeedsShapeAndPage() {
        VideoSummary hit = channels.search("sourdough", 0, 1).get(0);
        assertThat(hit.channelName()).isEqualTo("Bob Cooks");
        assertThat(hit.unseen()).isTrue();
        assertThat(channels.search("elodie", 0, 2)).hasSize(2);
        assertThat(channels.search("elodie", 4, 2)).hasSize(1);
    }
}
