package org.swarmtube.app.desktop.library;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.swarmtube.app.Library;
import org.swarmtube.swarm.TorrentStatus;

/**
 * What the Library view shows, as plain text: one {@link Line} per torrent, the summary above the
 * table and the question asked before a removal. No JavaFX here, so it is tested on its own.
 */
public final class LibraryModel {
    private LibraryModel() {
    }

    /**
     * One row of the table.
     *
     * @param lastWatched when it was last watched, or null (sorted last)
     */
    public record Line(String infohash, String title, String path, Library.Kind kind, String kindText, boolean kept,
                       boolean pinned, long sizeBytes, String sizeText, double progress, String progressText,
                       TorrentStatus.State state, String statusText, long downloadRate, String downText, long uploadRate,
                       String upText, int peers, String peersText, Instant lastWatched, String lastWatchedText,
                       boolean removable) {
        public boolean paused() {
            return state == TorrentStatus.State.PAUSED;
        }

        /** The same line with another status text ("Removing…"). */
        public Line withStatus(String text) {
            return new Line(infohash, title, path, kind, kindText, kept, pinned, sizeBytes, sizeText, progress, progressText,
                    state, text, downloadRate, downText, uploadRate, upText, peers, peersText, lastWatched, lastWatchedText,
                    removable);
        }
    }

    /**
     * The question before removing a torrent.
     *
     * @param deleteByDefault whether "also delete the file" starts ticked: yes for the library's own
     *                        copies, no for files the viewer put somewhere (their publications, fetches)
     */
    public record RemovePrompt(String question, String detail, String deleteLabel, boolean deleteByDefault) {
    }

    public static Line line(Library.Item item, Instant now) {
        TorrentStatus s = item.status();
        String title = item.title().isBlank() ? "Video " + s.infohash().substring(0, 8) + "…" : item.title();
        boolean known = s.sizeBytes() > 0;
        // libtorrent's rates are trailing averages: a finished or paused torrent shows what it still moves
        long down = s.state() == TorrentStatus.State.SEEDING || s.state() == TorrentStatus.State.PAUSED ? 0 : s.downloadRate();
        long up = s.state() == TorrentStatus.State.PAUSED ? 0 : s.uploadRate();
        boolean watchable = item.kind() != Library.Kind.CHANNEL && item.kind() != Library.Kind.PUBLISHED;
        return new Line(s.infohash(), title, s.path(), item.kind(), kindText(item), item.kept(), item.pinned(),
                s.sizeBytes(), known ? bytes(s.sizeBytes()) : "–", s.progress(),
                known ? percent(s.progress()) : "–", s.state(), statusText(s), down, rate(down), up, rate(up), s.peers(),
                peersText(s.peers(), s.seeds()), item.lastWatched().orElse(null),
                item.lastWatched().map(t -> ago(t, now)).orElse(watchable ? "never" : "–"), item.removable());
    }

    static String kindText(Library.Item item) {
        String kind = switch (item.kind()) {
            case WATCHED -> "Watched";
            case KEPT_COPY -> "Kept copy";
            case PUBLISHED -> "My video";
            case DOWNLOADED -> "Downloaded";
            case CHANNEL -> "Channel catalog";
        };
        return item.kept() && item.kind() == Library.Kind.WATCHED ? kind + " · kept" : kind;
    }

    static String statusText(TorrentStatus s) {
        return switch (s.state()) {
            case FETCHING_METADATA -> "Looking for peers";
            case CHECKING -> "Checking";
            case DOWNLOADING -> "Downloading";
            case SEEDING -> "Seeding";
            case PAUSED -> "Paused";
            case ERROR -> s.error().isBlank() ? "Stopped by an error" : "Error: " + s.error();
        };
    }

    /** The line above the table: how much there is, how fast it moves, how full the quota is. */
    public static String summary(Library.Snapshot snapshot) {
        List<Library.Item> items = snapshot.items();
        long down = items.stream().filter(i -> i.status().state() != TorrentStatus.State.SEEDING
                && i.status().state() != TorrentStatus.State.PAUSED).mapToLong(i -> i.status().downloadRate()).sum();
        long up = items.stream().filter(i -> i.status().state() != TorrentStatus.State.PAUSED)
                .mapToLong(i -> i.status().uploadRate()).sum();
        long videos = items.stream().filter(i -> i.kind() != Library.Kind.CHANNEL).count();
        return videos + (videos == 1 ? " video" : " videos") + " · ↓ " + rate(down) + " · ↑ " + rate(up);
    }

    /** How full the storage quota is, for the bar beside the summary. */
    public static String quotaText(Library.Snapshot snapshot) {
        String used = bytes(snapshot.libraryBytes());
        String pinned = snapshot.pinnedBytes() > 0 ? " (" + bytes(snapshot.pinnedBytes()) + " pinned)" : "";
        if (snapshot.quotaBytes() <= 0) return "Downloaded videos use " + used + pinned + ", no storage limit";
        return "Downloaded videos use " + used + pinned + " of " + bytes(snapshot.quotaBytes());
    }

    /** 0 to 1; 0 without a quota. */
    public static double quotaFraction(Library.Snapshot snapshot) {
        if (snapshot.quotaBytes() <= 0) return 0;
        return Math.min(1, (double) snapshot.libraryBytes() / snapshot.quotaBytes());
    }

    /** The latest eviction, as a sentence, if one happened in the last hour. */
    public static Optional<String> evictionNote(Library.Snapshot snapshot, Instant now) {
        return snapshot.evictions().stream().findFirst()
                .filter(e -> Duration.between(e.at(), now).compareTo(Duration.ofHours(1)) < 0)
                .map(e -> "Removed “" + e.title() + "” (" + bytes(e.bytes()) + ", " + ago(e.at(), now)
                        + ") to stay within the storage quota.");
    }

    public static RemovePrompt prompt(Line line) {
        String question = "Remove “" + line.title() + "” from Swarmtube?";
        String size = line.sizeBytes() > 0 ? " (" + line.sizeText() + ")" : "";
        return switch (line.kind()) {
            case WATCHED, KEPT_COPY -> new RemovePrompt(question,
                    "It stops being seeded from this computer. You can watch it again later from anyone who has it.",
                    "Also delete the downloaded file" + size, true);
            case PUBLISHED -> new RemovePrompt(question,
                    "This computer stops seeding your video. It stays listed in your channel, so others can still fetch it"
                            + " from viewers who have it.",
                    "Also delete your original file" + size + ": " + line.path(), false);
            case DOWNLOADED, CHANNEL -> new RemovePrompt(question, "It stops being downloaded and seeded.",
                    "Also delete the file" + size + ": " + line.path(), false);
        };
    }

    /** Bytes in decimal units, as the command line prints them: 999 B, 1.5 KB, 15.6 MB. */
    public static String bytes(long n) {
        return org.swarmtube.app.desktop.Formats.bytesInTable(n);
    }

    /** A rate; "–" when nothing moves. */
    public static String rate(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "–" : bytes(bytesPerSecond) + "/s";
    }

    static String percent(double fraction) {
        double p = Math.max(0, Math.min(1, fraction)) * 100;
        if (p > 99.9 && p < 100) return "99.9 %";
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.0f %%" : "%.1f %%", p);
    }

    static String peersText(int peers, int seeds) {
        if (peers == 0) return "–";
        return seeds > 0 ? peers + " (" + seeds + (seeds == 1 ? " seed)" : " seeds)") : String.valueOf(peers);
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago". */
    public static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) return "just now";
        if (s < 3600) return s / 60 + " min ago";
        if (s < 86_400) return s / 3600 + " h ago";
        long days = s / 86_400;
        return days == 1 ? "yesterday" : days + " days ago";
    }
}
