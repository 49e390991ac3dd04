package org.swarmtube.catalog.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.swarmtube.catalog.ChannelStore;
import org.swarmtube.catalog.MergeResult;
import org.swarmtube.catalog.VideoId;
import org.swarmtube.catalog.VideoStore;
import org.swarmtube.catalog.VideoSummary;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Identity;
import org.swarmtube.catalog.channel.SignedCatalog;

/**
 * Prints search latency over 100,000 known videos (issue 4's benchmark), and what it took to get
 * them into H2. The videos arrive as they do in the node: signed catalogs (100 channels of 1,000
 * videos) passed to {@link ChannelStore#merge}. Words follow a Zipf distribution over a generated
 * vocabulary, so there are rare, common and very common words and prefixes.
 *
 * <p>Every timed query is a different string, because H2 hands back the previous result when the
 * same statement runs again with the same parameters and nothing changed: repeating one query
 * would time that cache. Figures are printed, never asserted; the load average is printed too,
 * since other work on the machine moves them.
 *
 * <p>{@code --channels N} changes the size; {@code --compare-h2-fulltext} also builds H2's own
 * FullText index over the same titles and descriptions and times {@code FT_SEARCH}; {@code --keep}
 * leaves the database in its temporary directory for a closer look.
 *
 * <pre>
 * mvn -B -o -q -pl catalog test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp catalog/target/test-classes:catalog/target/classes:$(cat catalog/target/bench.cp) \
 *     org.swarmtube.catalog.bench.SearchBench
 * </pre>
 */
public final class SearchBench {
    private static final int VIDEOS_PER_CHANNEL = 1_000;
    private static final int QUERIES_PER_KIND = 100;
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    /** Real words among the frequent generated ones, so the example queries mean something. */
    private static final String[] PLANTED = {"holiday", "holidays", "hollow", "mountain", "bike", "été", "paris",
        "glacier", "recipe", "bread", "review", "tutorial", "music", "live"};

    private final Random random = new Random(4);
    private final Vocabulary words = new Vocabulary(random);
    private final List<String> sampleTitles = new ArrayList<>();

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int channels = options.contains("--channels") ? Integer.parseInt(options.get(options.indexOf("--channels") + 1)) : 100;
        Path dir = Files.createTempDirectory("swarmtube-search-bench");
        try {
            new SearchBench().run(dir, channels, options.contains("--compare-h2-fulltext"));
        } finally {
            if (options.contains("--keep")) {
                System.out.println("kept the database in " + dir);
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(SearchBench::deleteQuietly);
            }
        }
    }

    private void run(Path dir, int channelCount, boolean compare) throws Exception {
        long began = System.nanoTime();
        System.out.printf("== Swarmtube search benchmark: %,d channels x %,d videos; %d cores, Java %s, load average %.1f%n",
                channelCount, VIDEOS_PER_CHANNEL, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        try (VideoStore store = VideoStore.open(dir)) {
            ChannelStore channels = store.channels();
            SignedCatalog last = load(channels, channelCount);
            printTokenCount(dir, channelCount * VIDEOS_PER_CHANNEL);

            System.out.printf("%n%-44s %7s %9s %9s %9s %9s%n", "search, each query a different string", "queries",
                    "hits p50", "ms p50", "ms p95", "ms max");
            warmUp(channels);
            searches(channels, "one whole word", () -> words.word());
            searches(channels, "one 3-letter prefix", () -> prefix(words.word(), 3));
            searches(channels, "one 4-letter prefix", () -> prefix(words.word(), 4));
            searches(channels, "two words, the second being typed", () -> words.word() + " " + prefix(words.word(), 4));
            searches(channels, "three whole words", () -> words.word() + " " + words.word() + " " + words.word());
            searches(channels, "no match", () -> "q" + Long.toString(random.nextLong() & 0xffffffffL, 36));
            typing(channels);

            System.out.printf("%nexamples (first run of each)%n");
            for (String query : new String[] {"holi", "holiday", "Été à Paris", "mountain bike", "glac", "the"}) {
                long t0 = System.nanoTime();
                List<VideoSummary> top = channels.search(query, 0, 20);
                double ms = (System.nanoTime() - t0) / 1e6;
                int hits = channels.search(query, 0, ChannelStore.MAX_PAGE).size();
                System.out.printf("  %-16s %6.1f ms  %4s hits  first: %s%n", '"' + query + '"', ms,
                        hits == ChannelStore.MAX_PAGE ? "500+" : hits, top.isEmpty() ? "-" : top.get(0).title());
            }

            System.out.printf("%n%-44s %7s %9s %9s %9s%n", "lists (random pages of 50)", "calls", "", "ms p50", "ms p95");
            lists(channels, "feed", () -> channels.feed(random.nextInt(5_000), 50));
            lists(channels, "browse", () -> channels.browse(random.nextInt(5_000), 50));
            lists(channels, "unseen count (after marking one seen)", () -> {
                channels.markSeen(List.of(VideoId.ofInfohash(infohash("video 0/" + random.nextInt(1_000)))));
                return channels.unseenCount();
            });

            Identity owner = identity(channelCount - 1);
            SignedCatalog next = last.withVideo(owner, entry(channelCount - 1, VIDEOS_PER_CHANNEL));
            long t0 = System.nanoTime();
            MergeResult result = channels.merge(next, infohash("catalog update"));
            System.out.printf("%nmerging a new version with one more video into a %,d-video channel: %.0f ms (%s)%n",
                    VIDEOS_PER_CHANNEL, (System.nanoTime() - t0) / 1e6, result);
        }
        if (compare) compareH2FullText(dir);
        System.out.printf("%ntotal %.0f s, load average %.1f%n", (System.nanoTime() - began) / 1e9, loadAverage());
    }

    /** Merges the channels' catalogs; returns the last one. */
    private SignedCatalog load(ChannelStore channels, int channelCount) throws Exception {
        long buildNanos = 0;
        long mergeNanos = 0;
        SignedCatalog catalog = null;
        for (int c = 0; c < channelCount; c++) {
            long t0 = System.nanoTime();
            Identity identity = identity(c);
            List<CatalogEntry> entries = new ArrayList<>(VIDEOS_PER_CHANNEL);
            for (int v = 0; v < VIDEOS_PER_CHANNEL; v++) entries.add(entry(c, v));
            catalog = SignedCatalog.create(identity, ChannelProfile.named(words.sentence(2))).withVideos(identity, entries);
            long t1 = System.nanoTime();
            channels.subscribe(ChannelLink.of(identity.publicKey(), new byte[0]));
            channels.merge(catalog, infohash("catalog " + c));
            long t2 = System.nanoTime();
            buildNanos += t1 - t0;
            mergeNanos += t2 - t1;
        }
        int videos = channelCount * VIDEOS_PER_CHANNEL;
        System.out.printf("building and signing the catalogs: %.1f s; merging them into H2: %.1f s (%,.0f videos/s)%n",
                buildNanos / 1e9, mergeNanos / 1e9, videos / (mergeNanos / 1e9));
        return catalog;
    }

    private void warmUp(ChannelStore channels) {
        for (int i = 0; i < 200; i++) channels.search(random.nextBoolean() ? words.word() : prefix(words.word(), 3), 0, 20);
    }

    private void searches(ChannelStore channels, String kind, Supplier<String> query) {
        Set<String> queries = new LinkedHashSet<>();
        for (int tries = 0; queries.size() < QUERIES_PER_KIND && tries < 100 * QUERIES_PER_KIND; tries++) {
            queries.add(query.get());
        }
        time(channels, kind, new ArrayList<>(queries));
    }

    /** Each keystroke of typing the first two words of real titles: "h", "ho", "hol", ... */
    private void typing(ChannelStore channels) {
        List<String> keystrokes = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            String[] title = sampleTitles.get(random.nextInt(sampleTitles.size())).split(" ");
            String typed = title[0] + (title.length > 1 ? " " + title[1] : "");
            for (int i = 1; i <= typed.length(); i++) keystrokes.add(typed.substring(0, i));
        }
        time(channels, "typing two title words, every keystroke", keystrokes);
    }

    private static void time(ChannelStore channels, String kind, List<String> queries) {
        double[] ms = new double[queries.size()];
        int[] hits = new int[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            hits[i] = channels.search(queries.get(i), 0, 20).size();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(hits);
        System.out.printf("%-44s %7d %9d %9.2f %9.2f %9.2f%n", kind, queries.size(), hits[hits.length / 2],
                percentile(ms, 0.50), percentile(ms, 0.95), ms[ms.length - 1]);
    }

    private static void lists(ChannelStore channels, String kind, Supplier<?> call) {
        int n = 200;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-44s %7d %9s %9.2f %9.2f%n", kind, n, "", percentile(ms, 0.50), percentile(ms, 0.95));
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static void printTokenCount(Path dir, int videos) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url(dir)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM search_token")) {
            r.next();
            System.out.printf("search index: %,d token rows (%.1f per video); database file %,.0f MB%n", r.getLong(1),
                    r.getLong(1) / (double) videos, Files.size(dir.resolve("swarmtube.mv.db")) / 1e6);
        }
    }

    private void compareH2FullText(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir)); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init'");
            s.execute("CALL FT_INIT()");
            s.execute("CALL FT_CREATE_INDEX('PUBLIC', 'VIDEO', 'TITLE,DESCRIPTION')");
            System.out.printf("%nH2 FullText over title and description: FT_CREATE_INDEX took %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            List<String> queries = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            while (seen.size() < QUERIES_PER_KIND) seen.add(words.word());
            queries.addAll(seen);
            double[] ms = new double[queries.size()];
            try (PreparedStatement top = c.prepareStatement("SELECT * FROM FT_SEARCH(?, 20, 0)")) {
                for (int i = 0; i < queries.size(); i++) {
                    top.setString(1, queries.get(i));
                    long t1 = System.nanoTime();
                    try (ResultSet r = top.executeQuery()) {
                        while (r.next()) r.getString(1);
                    }
                    ms[i] = (System.nanoTime() - t1) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf("FT_SEARCH, one whole word, %d queries: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    queries.size(), percentile(ms, 0.5), percentile(ms, 0.95), ms[ms.length - 1]);
            for (String q : new String[] {"holi", "ete", "été", "ÉTÉ"}) {
                try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM FT_SEARCH(?, 0, 0)")) {
                    count.setString(1, q);
                    try (ResultSet r = count.executeQuery()) {
                        r.next();
                        System.out.printf("  FT_SEARCH('%s'): %d hits%n", q, r.getLong(1));
                    }
                }
            }
        }
    }

    private CatalogEntry entry(int channel, int video) {
        String title = words.sentence(3 + random.nextInt(6));
        if (sampleTitles.size() < 1_000 && random.nextInt(50) == 0) sampleTitles.add(title);
        return CatalogEntry.of(infohash("video " + channel + "/" + video), title, words.sentence(8 + random.nextInt(23)),
                List.of(words.word(), words.word(), words.word()), Duration.ofSeconds(60 + video), 1920, 1080,
                100_000_000L, START.plus(Duration.ofMinutes(37L * (channel * VIDEOS_PER_CHANNEL + video))),
                Optional.empty());
    }

    private static Identity identity(int channel) {
        return Identity.fromSeed(sha256("bench channel " + channel));
    }

    private static String prefix(String word, int length) {
        return word.length() <= length ? word : word.substring(0, length);
    }

    private static String infohash(String seed) {
        return HexFormat.of().formatHex(sha256(seed)).substring(0, 40);
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("swarmtube");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the benchmark for
        }
    }

    /** 20,000 generated words drawn with Zipf frequencies (s = 1), "the" first and the planted words among the frequent ones. */
    private static final class Vocabulary {
        private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da",
            "fe", "gu", "hi", "jo", "la", "me", "ni", "or", "pe", "qu", "ri", "st", "tr", "un", "ve", "wa", "xi", "yo",
            "th", "an", "el", "is", "om", "ur", "ch", "sh", "br", "gl", "pl"};
        private final Random random;
        private final String[] words = new String[20_000];
        private final double[] cumulative = new double[words.length];

        Vocabulary(Random random) {
            this.random = random;
            words[0] = "the";
            for (int i = 1; i < words.length; i++) {
                StringBuilder w = new StringBuilder();
                int syllables = 1 + random.nextInt(4);
                for (int s = 0; s < syllables; s++) w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                words[i] = w.toString();
            }
            for (int i = 0; i < PLANTED.length; i++) words[20 + i * 37] = PLANTED[i];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int i = 0; i < words.length; i++) cumulative[i] /= sum;
        }

        String word() {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[i >= 0 ? i : Math.min(-i - 1, words.length - 1)];
        }

        String sentence(int n) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String w = word();
                out.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(' ');
            }
            return out.toString().strip();
        }
    }
}
