package org.swarmtube.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.Identity;

/** Identities, videos, a settable clock and a database dump for the store tests. */
final class StoreFixtures {
    static final Identity ALICE = Identity.fromSeed(sha256("alice"));
    static final Identity BOB = Identity.fromSeed(sha256("bob"));
    static final Identity CAROL = Identity.fromSeed(sha256("carol"));
    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private StoreFixtures() {
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ChannelLink link(Identity identity) {
        return ChannelLink.of(identity.publicKey(), new byte[] {1, 2});
    }

    static String infohash(String seed) {
        return HexFormat.of().formatHex(sha256(seed)).substring(0, 40);
    }

    /** A video published {@code hoursAfterStart} hours after {@link #START}. */
    static CatalogEntry video(String seed, String title, String description, List<String> tags, int hoursAfterStart) {
        return CatalogEntry.of(infohash(seed), title, description, tags, Duration.ofMinutes(10), 1280, 720,
                100_000_000L, START.plus(Duration.ofHours(hoursAfterStart)), Optional.empty());
    }

    static CatalogEntry video(String seed, String title, int hoursAfterStart) {
        return video(seed, title, "", List.of(), hoursAfterStart);
    }

    /** Every table's schema and rows, as H2's SCRIPT writes them, through a second connection. */
    static String dump(Path dataDir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("swarmtube"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SCRIPT")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) out.append(r.getString(1)).append('\n');
            return out.toString();
        }
    }

    /** Search tokens whose video row is gone: there must never be any. */
    static long orphanTokens(Path dataDir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("swarmtube"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM search_token t WHERE NOT EXISTS"
                     + " (SELECT 1 FROM video v WHERE v.row_id = t.id / 262144)")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A clock that stands still until told to move. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
