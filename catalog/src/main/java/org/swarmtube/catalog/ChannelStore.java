package org.swarmtube.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmtube.catalog.channel.CatalogEntry;
import org.swarmtube.catalog.channel.CatalogException;
import org.swarmtube.catalog.channel.ChannelLink;
import org.swarmtube.catalog.channel.Jpeg;
import org.swarmtube.catalog.channel.SignedCatalog;

/**
 * What this node knows of other channels, and the viewer's relation to them: verified catalogs
 * merged into H2, subscriptions, blocks, the feed and what of it was seen, browsing, full-text
 * search, and where the viewer left each video.
 *
 * <p>Obtained from {@link VideoStore#channels()}; it shares that store's database file and single
 * connection. <b>Thread-safety:</b> every method may be called from any thread; calls are
 * serialized on the connection (a call waits while another runs) and every write is one
 * transaction, so readers never see half a merge. Calls do disk I/O and belong off the UI thread.
 *
 * <p>Channels are named by their public key: {@link ChannelLink} where the viewer acts on a
 * channel (subscribe, block), 64 lower-case hex digits where the node looks one up. Failures of
 * the database itself throw {@link VideoStore.StoreException}.
 *
 * <p>Blocking a channel deletes its videos and its subscription and makes later merges of it a
 * no-op, so it disappears from the feed, browsing and search without every query having to
 * filter it out. Unblocking does not bring anything back: the next catalog fetched for the
 * channel (or subscribing again) does.
 */
public final class ChannelStore {
    /** Most rows one page of the feed, browsing or search may ask for. */
    public static final int MAX_PAGE = 500;

    private final Database database;

    ChannelStore(Database database) {
        this.database = database;
    }

    /**
     * Makes what this node knows of the catalog's channel exactly what the catalog says, in one
     * transaction: profile, avatar, recommendations (each recommended channel becomes known, with
     * source {@link ChannelSource#RECOMMENDED}), and videos. Videos the catalog no longer lists
     * disappear from the channel's listing, the feed and search; videos whose entry is unchanged
     * keep their rows and their seen state.
     *
     * <p>A channel not known before is recorded with source {@link ChannelSource#LINK} and an
     * unknown salt; call {@link #learn} first to say how it was found and give its link.
     *
     * @param catalog         a catalog verified by {@code CatalogLayout.fromFiles} or made by its owner
     * @param catalogInfohash the infohash of the catalog torrent it came in (40 hex digits)
     * @return {@link MergeResult.Outcome#IGNORED_BLOCKED}, with the database unchanged, for a blocked channel
     * @throws CatalogException         if the catalog's seq is not newer than the one held (a replay or a
     *                                  stale copy); the database is left unchanged
     * @throws IllegalArgumentException if the infohash is malformed
     */
    public MergeResult merge(SignedCatalog catalog, String catalogInfohash) throws CatalogException {
        Objects.requireNonNull(catalog, "catalog");
        String infohash = Infohash.normalize(catalogInfohash);
        Instant now = database.now();
        return database.write("merge the catalog of channel " + catalog.channelKeyHex(),
                c -> CatalogMerge.run(c, catalog, infohash, now));
    }

    /**
     * Records that a channel exists, as found through {@code source}: a channel known already keeps
     * its source and gets its salt from this link only if none was known.
     *
     * @return true if the channel was new to this node
     */
    public boolean learn(ChannelLink link, ChannelSource source) {
        Objects.requireNonNull(source, "source");
        Instant now = database.now();
        return database.write("record channel " + link.publicKeyHex(),
                c -> ChannelRows.learn(c, link, source, ChannelRows.Salt.FILL, true, now));
    }

    /**
     * Follows a channel: its videos enter the feed. The link becomes the channel's address (its salt
     * replaces any known before), and subscribing lifts a block, since it is the viewer's later word.
     *
     * @return true if the viewer was not subscribed before
     */
    public boolean subscribe(ChannelLink link) {
        Instant now = database.now();
        return database.write("subscribe to " + link.publicKeyHex(), c -> {
            ChannelRows.learn(c, link, ChannelSource.SUBSCRIBED, ChannelRows.Salt.REPLACE, true, now);
            update(c, "DELETE FROM blocked_channel WHERE channel_key = ?", link.publicKeyHex());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscription(channel_key, since)"
                    + " SELECT ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM subscription WHERE channel_key = ?)")) {
                insert.setString(1, link.publicKeyHex());
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setString(3, link.publicKeyHex());
                return insert.executeUpdate() > 0;
            }
        });
    }

    /**
     * Stops following a channel: its videos leave the feed but stay known for browsing and search.
     *
     * @return true if the viewer was subscribed
     */
    public boolean unsubscribe(ChannelLink link) {
        return database.write("unsubscribe from " + link.publicKeyHex(),
                c -> update(c, "DELETE FROM subscription WHERE channel_key = ?", link.publicKeyHex()) > 0);
    }

    /**
     * Sets the "keep a copy" policy of a subscription: whether its new videos are downloaded and seeded.
     *
     * @return false if the viewer is not subscribed to the channel
     */
    public boolean setKeepCopy(ChannelLink link, boolean keepCopy) {
        return database.write("change the subscription to " + link.publicKeyHex(), c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE subscription SET keep_copy = ? WHERE channel_key = ?")) {
                update.setBoolean(1, keepCopy);
                update.setString(2, link.publicKeyHex());
                return update.executeUpdate() > 0;
            }
        });
    }

    /**
     * Records that the channel's DHT item was just polled, whatever it said.
     *
     * @return false if the viewer is not subscribed to the channel
     */
    public boolean recordPoll(ChannelLink link) {
        Instant now = database.now();
        return database.write("record a poll of " + link.publicKeyHex(), c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE subscription SET last_poll = ? WHERE channel_key = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, link.publicKeyHex());
                return update.executeUpdate() > 0;
            }
        });
    }

    /** The subscriptions, oldest first. */
    public List<Subscription> subscriptions() {
        return database.read("read the subscriptions", c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT c.channel_key, c.salt, c.name, s.since,"
                    + " s.keep_copy, s.last_poll, c.last_seq, c.catalog_infohash FROM subscription s"
                    + " JOIN channel c ON c.channel_key = s.channel_key ORDER BY s.since, c.channel_key");
                 ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Timestamp lastPoll = r.getTimestamp(6);
                    long seq = r.getLong(7);
                    OptionalLong held = r.wasNull() ? OptionalLong.empty() : OptionalLong.of(seq);
                    // subscribe() always stores the salt, so a subscription's link is complete
                    out.add(new Subscription(new ChannelLink(r.getString(1), r.getString(2), List.of()),
                            Optional.ofNullable(r.getString(3)), r.getTimestamp(4).toInstant(), r.getBoolean(5),
                            Optional.ofNullable(lastPoll).map(Timestamp::toInstant), held,
                            Optional.ofNullable(r.getString(8))));
                }
            }
            return out;
        });
    }

    /**
     * Blocks a channel: its videos are deleted, its subscription ends, and its catalogs are
     * ignored from now on. The channel stays listed (as blocked) so that it can be unblocked.
     *
     * @return true if it was not blocked before
     */
    public boolean block(ChannelLink link) {
        Instant now = database.now();
        String key = link.publicKeyHex();
        return database.write("block " + key, c -> {
            ChannelRows.learn(c, link, ChannelSource.LINK, ChannelRows.Salt.FILL, false, now);
            update(c, "DELETE FROM subscription WHERE channel_key = ?", key);
            VideoRows.delete(c, VideoRows.rows(c, "SELECT row_id FROM video WHERE channel_key = ?", key));
            // forget the merged version too, so that after an unblock the next catalog is taken in
            update(c, "UPDATE channel SET last_seq = NULL, catalog_infohash = NULL WHERE channel_key = ?", key);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO blocked_channel(channel_key, since)"
                    + " SELECT ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM blocked_channel WHERE channel_key = ?)")) {
                insert.setString(1, key);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setString(3, key);
                return insert.executeUpdate() > 0;
            }
        });
    }

    /**
     * Lifts a block. The channel's videos come back with its next merged catalog.
     *
     * @return true if it was blocked
     */
    public boolean unblock(ChannelLink link) {
        return database.write("unblock " + link.publicKeyHex(),
                c -> update(c, "DELETE FROM blocked_channel WHERE channel_key = ?", link.publicKeyHex()) > 0);
    }

    /** Whether the channel with this public key (hex) is blocked. */
    public boolean isBlocked(String channelKeyHex) {
        return database.read("read the blocked channels", c -> ChannelRows.isBlocked(c, key(channelKeyHex)));
    }

    /** Every channel this node has heard of, blocked ones included (marked), by name. */
    public List<ChannelInfo> channels() {
        return database.read("read the channels", c -> ChannelRows.infos(c, null));
    }

    /** What is known of one channel, by public key (hex). */
    public Optional<ChannelInfo> channel(String channelKeyHex) {
        String key = key(channelKeyHex);
        return database.read("read channel " + key, c -> ChannelRows.infos(c, key).stream().findFirst());
    }

    /** The channel's avatar, if its merged catalog has one. */
    public Optional<Jpeg> avatar(String channelKeyHex) {
        String key = key(channelKeyHex);
        return database.read("read the avatar of " + key, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT jpeg FROM channel_avatar WHERE channel_key = ?")) {
                select.setString(1, key);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? Optional.of(Jpeg.of(r.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The feed: the videos of subscribed channels, newest first, each marked unseen until
     * {@link #markSeen}. "Newest" is the publication time the creator claims, but never later than
     * when this node first learned of the video: a catalog cannot pin a video to the top of the
     * feed with a date in the future.
     */
    public List<VideoSummary> feed(int offset, int limit) {
        checkPage(offset, limit);
        return database.read("read the feed", c -> VideoRows.summaries(c, VideoRows.SUMMARY
                + "JOIN subscription s ON s.channel_key = v.channel_key"
                + " ORDER BY v.listed_at DESC, v.row_id DESC LIMIT ? OFFSET ?", limit, offset));
    }

    /** How many videos of the feed are unseen. */
    public int unseenCount() {
        return database.read("count unseen videos", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM video v"
                    + " JOIN subscription s ON s.channel_key = v.channel_key"
                    + " WHERE NOT EXISTS (SELECT 1 FROM feed_seen f WHERE f.video_id = v.video_id)");
                 ResultSet r = select.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** Marks videos as seen in the feed, wherever they are listed. */
    public void markSeen(Collection<VideoId> videoIds) {
        Instant now = database.now();
        database.write("mark videos seen", c -> {
            try (PreparedStatement merge = c.prepareStatement("INSERT INTO feed_seen(video_id, seen_at)"
                    + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM feed_seen WHERE video_id = ?)")) {
                for (VideoId id : videoIds) {
                    merge.setString(1, id.toString());
                    merge.setTimestamp(2, Timestamp.from(now));
                    merge.setString(3, id.toString());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
            return null;
        });
    }

    /** Marks every video of the feed as seen. */
    public void markAllSeen() {
        Instant now = database.now();
        database.write("mark the feed seen", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO feed_seen(video_id, seen_at)"
                    + " SELECT DISTINCT v.video_id, ? FROM video v JOIN subscription s ON s.channel_key = v.channel_key"
                    + " WHERE NOT EXISTS (SELECT 1 FROM feed_seen f WHERE f.video_id = v.video_id)")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Every video of every channel this node knows, except blocked channels', newest first as in {@link #feed}. */
    public List<VideoSummary> browse(int offset, int limit) {
        checkPage(offset, limit);
        return database.read("browse videos", c -> VideoRows.summaries(c, VideoRows.SUMMARY
                + "ORDER BY v.listed_at DESC, v.row_id DESC LIMIT ? OFFSET ?", limit, offset));
    }

    /** One channel's videos, newest first as in {@link #feed}. */
    public List<VideoSummary> channelVideos(String channelKeyHex, int offset, int limit) {
        checkPage(offset, limit);
        String key = key(channelKeyHex);
        return database.read("read the videos of " + key, c -> VideoRows.summaries(c, VideoRows.SUMMARY
                + "WHERE v.channel_key = ? ORDER BY v.listed_at DESC, v.row_id DESC LIMIT ? OFFSET ?",
                key, limit, offset));
    }

    /**
     * Searches the titles, descriptions, tags and channel names of every catalog this node knows
     * (blocked channels' are gone). Case and accents do not matter. Every word must match; a word
     * of three letters or more also matches the words it begins, so results follow typing ("holi"
     * finds "Holiday"); a shorter word matches only itself, and is left out when the query has a
     * longer one ("Été à Paris" looks for "ete" and "paris"). Title hits rank first, then tags,
     * channel names, descriptions, a whole-word hit above a prefix hit; ties go to the newest as
     * in {@link #feed}. A query with no letters or digits finds nothing.
     */
    public List<VideoSummary> search(String query, int offset, int limit) {
        Objects.requireNonNull(query, "query");
        checkPage(offset, limit);
        return database.read("search", c -> VideoRows.summaries(c, SearchIndex.search(c, query, offset, limit)));
    }

    /** A channel's full catalog entry for a video (description, tags, thumbnail), as last merged. */
    public Optional<CatalogEntry> video(String channelKeyHex, VideoId videoId) {
        String key = key(channelKeyHex);
        return database.read("read video " + videoId, c -> VideoRows.entry(c, key, videoId));
    }

    /**
     * Records where the viewer is in a video (or that they finished it); the latest call wins.
     *
     * @throws IllegalArgumentException if the position is negative
     */
    public void recordPosition(VideoId videoId, Duration position, boolean finished) {
        Objects.requireNonNull(videoId, "videoId");
        if (position.isNegative()) throw new IllegalArgumentException("negative position " + position);
        Instant now = database.now();
        database.write("record the position in " + videoId, c -> {
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO watch_position(video_id, position_ms,"
                    + " finished, watched_at) KEY(video_id) VALUES (?, ?, ?, ?)")) {
                merge.setString(1, videoId.toString());
                merge.setLong(2, position.toMillis());
                merge.setBoolean(3, finished);
                merge.setTimestamp(4, Timestamp.from(now));
                merge.executeUpdate();
            }
            return null;
        });
    }

    /** Where the viewer left this video, if they watched it. */
    public Optional<WatchPosition> position(VideoId videoId) {
        return database.read("read the position in " + videoId, c -> {
            List<WatchPosition> found = positions(c, "WHERE video_id = ?", videoId.toString());
            return found.stream().findFirst();
        });
    }

    /** The watch history, most recently watched first. */
    public List<WatchPosition> history(int limit) {
        checkPage(0, limit);
        return database.read("read the watch history",
                c -> positions(c, "ORDER BY watched_at DESC, video_id LIMIT ?", limit));
    }

    /** Forgets the whole watch history. */
    public void clearHistory() {
        database.write("clear the watch history", c -> update(c, "DELETE FROM watch_position"));
    }

    private static List<WatchPosition> positions(Connection c, String where, Object... args)
            throws SQLException {
        List<WatchPosition> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT video_id, position_ms, finished, watched_at FROM watch_position " + where)) {
            for (int i = 0; i < args.length; i++) select.setObject(i + 1, args[i]);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    out.add(new WatchPosition(VideoId.parse(r.getString(1)), Duration.ofMillis(r.getLong(2)),
                            r.getBoolean(3), r.getTimestamp(4).toInstant()));
                }
            }
        }
        return out;
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) update.setString(i + 1, args[i]);
            return update.executeUpdate();
        }
    }

    /** A public key as stored: validated through {@link ChannelLink}, lower case. */
    private static String key(String channelKeyHex) {
        return new ChannelLink(channelKeyHex, "", List.of()).publicKeyHex();
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " rows, not " + limit);
        }
    }
}
