package org.swarmtube.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.CatalogException;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.ChannelProfile;
import org.swarmtube.catalog.channel.Seq;
import org.swarmtube.catalog.channel.SignedCatalog;

/**
 * Makes the database's view of one channel that of a newer verified catalog, inside the caller's
 * transaction. Every check that can refuse (blocked, not newer) runs before the first write, so a
 * refusal leaves nothing to roll back, not even an identity value.
 */
final class CatalogMerge {
    private CatalogMerge() {
    }

    static MergeResult run(Connection c, SignedCatalog catalog, String catalogInfohash, Instant now)
            throws SQLException, CatalogException {
        String key = catalog.channelKeyHex();
        if (ChannelRows.isBlocked(c, key)) return MergeResult.BLOCKED;
        Long held = heldSeq(c, key);
        if (held != null) Seq.requireNewer(held, catalog.seq());
        ChannelProfile profile = catalog.profile();
        writeChannel(c, key, catalog.seq(), catalogInfohash, profile, held != null || known(c, key), now);
        writeAvatar(c, key, profile);
        writeRecommendations(c, key, profile.recommended(), now);
        return writeVideos(c, key, profile.name(), catalog.videos(), now);
    }

    /** The seq held for the channel; null if the channel is unknown or no catalog of it was merged. */
    private static Long heldSeq(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_seq FROM channel WHERE channel_key = ?")) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) return null;
                long seq = r.getLong(1);
                return r.wasNull() ? null : seq;
            }
        }
    }

    private static boolean known(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM channel WHERE channel_key = ?")) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void writeChannel(Connection c, String key, long seq, String infohash, ChannelProfile profile,
                                     boolean known, Instant now) throws SQLException {
        String sql = known
                ? "UPDATE channel SET name = ?, description = ?, last_seq = ?, catalog_infohash = ?, last_seen = ?"
                  + " WHERE channel_key = ?"
                // a catalog that arrives with no link before it: the salt stays unknown until one comes
                : "INSERT INTO channel(name, description, last_seq, catalog_infohash, last_seen, channel_key, source,"
                  + " first_seen) VALUES (?, ?, ?, ?, ?, ?, 'LINK', ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, profile.name());
            write.setString(2, profile.description());
            write.setLong(3, seq);
            write.setString(4, infohash);
            write.setTimestamp(5, Timestamp.from(now));
            write.setString(6, key);
            if (!known) write.setTimestamp(7, Timestamp.from(now));
            write.executeUpdate();
        }
    }

    private static void writeAvatar(Connection c, String key, ChannelProfile profile) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM channel_avatar WHERE channel_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
        if (profile.avatar().isEmpty()) return;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO channel_avatar(channel_key, jpeg) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setBytes(2, profile.avatar().get().bytes());
            insert.executeUpdate();
        }
    }

    /** Replaces the channel's recommendations, and learns of each recommended channel. */
    private static void writeRecommendations(Connection c, String key, List<ChannelLink> links, Instant now)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM channel_recommendation WHERE channel_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO channel_recommendation(channel_key, position,"
                + " recommended_key, salt) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < links.size(); i++) {
                ChannelLink link = links.get(i);
                insert.setString(1, key);
                insert.setInt(2, i);
                insert.setString(3, link.publicKeyHex());
                insert.setString(4, link.saltHex());
                insert.addBatch();
                if (!link.publicKeyHex().equals(key)) {
                    ChannelRows.learn(c, link, ChannelSource.RECOMMENDED, ChannelRows.Salt.FILL, false, now);
                }
            }
            insert.executeBatch();
        }
    }

    /** Adds new videos, rewrites changed ones, deletes those the catalog no longer lists. */
    private static MergeResult writeVideos(Connection c, String key, String channelName, List<CatalogEntry> entries,
                                           Instant now) throws SQLException {
        Map<String, Held> held = heldVideos(c, key);
        List<Long> delete = new ArrayList<>();
        List<CatalogEntry> insert = new ArrayList<>();
        List<byte[]> fingerprints = new ArrayList<>();
        List<Instant> firstSeen = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (CatalogEntry entry : entries) {
            byte[] fingerprint = EntryFingerprint.of(entry, channelName);
            Held old = held.remove(entry.videoId().toString());
            if (old != null && Arrays.equals(old.fingerprint, fingerprint)) continue;
            if (old == null) {
                added++;
            } else {
                changed++;
                delete.add(old.row);
            }
            insert.add(entry);
            fingerprints.add(fingerprint);
            // a corrected title must not bring an old video back to the top of the feed
            firstSeen.add(old == null ? now : old.firstSeen);
        }
        for (Held gone : held.values()) delete.add(gone.row);
        VideoRows.delete(c, delete);
        try (VideoRows rows = new VideoRows(c)) {
            for (int i = 0; i < insert.size(); i++) {
                rows.insert(key, channelName, insert.get(i), fingerprints.get(i), firstSeen.get(i));
            }
            rows.flush();
        }
        return new MergeResult(MergeResult.Outcome.MERGED, added, changed, held.size());
    }

    private static Map<String, Held> heldVideos(Connection c, String key) throws SQLException {
        Map<String, Held> held = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT video_id, row_id, fingerprint, first_seen FROM video WHERE channel_key = ?")) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    held.put(r.getString(1), new Held(r.getLong(2), r.getBytes(3), r.getTimestamp(4).toInstant()));
                }
            }
        }
        return held;
    }

    /** A video row the channel already has. The fingerprint is null for rows written by {@code put}. */
    private record Held(long row, byte[] fingerprint, Instant firstSeen) {
    }
}
