package org.swarmtube.app.desktop;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.swarmtube.swarm.TorrentStatus;

/** How numbers, times and swarm figures read on screen. Plain Java, no JavaFX. */
public final class Formats {
    private Formats() {
    }

    /** A play time as {@code m:ss} or {@code h:mm:ss}; empty for zero (unknown). */
    public static String duration(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) return "";
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** How long ago, in the largest whole unit: "just now", "5 minutes ago", "3 days ago". */
    public static String age(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) return "just now";
        if (s < 3600) return plural(s / 60, "minute") + " ago";
        if (s < 86_400) return plural(s / 3600, "hour") + " ago";
        if (s < 7 * 86_400) return plural(s / 86_400, "day") + " ago";
        if (s < 30 * 86_400) return plural(s / (7 * 86_400), "week") + " ago";
        if (s < 365 * 86_400) return plural(s / (30 * 86_400), "month") + " ago";
        return plural(s / (365 * 86_400), "year") + " ago";
    }

    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    /** A size in decimal units, short, for cards: "950 B", "1.5 KB", "14 MB". */
    public static String bytes(long n) {
        return decimal(n, 1000, 10);
    }

    /** A size in decimal units with three figures, for tables: "999 B", "1.0 MB", "15.6 MB", "250 MB". */
    public static String bytesInTable(long n) {
        return decimal(n, 999.95, 100);
    }

    /**
     * @param nextUnitAt  from which value the next unit is taken (999.95 rounds "1000.0 KB" up to "1.0 MB")
     * @param wholeFrom   from which value no decimal is shown
     */
    private static String decimal(long n, double nextUnitAt, double wholeFrom) {
        if (n < 1000) return n + " B";
        double v = n;
        int u = -1;
        do {
            v /= 1000;
            u++;
        } while (v >= nextUnitAt && u < UNITS.length - 1);
        return String.format(Locale.ROOT, v >= wholeFrom ? "%.0f %s" : "%.1f %s", v, UNITS[u]);
    }

    /** How well a video is seeded, as far as this node can tell. */
    public enum Health {
        /** Every piece is on this computer. */
        LOCAL,
        /** Seeds or enough copies are connected. */
        GOOD,
        /** Some of it is reachable. */
        WEAK,
        /** Nobody connected has it. */
        NONE,
        /** This node has not looked at its swarm. */
        UNKNOWN
    }

    /** A card's seeding line and its level. */
    public record Seeding(Health health, String text) {
    }

    /**
     * The seeding line of a video from the engine's snapshot of its torrent, or {@code null} when the
     * engine does not hold it.
     */
    public static Seeding seeding(TorrentStatus status) {
        if (status == null) return new Seeding(Health.UNKNOWN, "not fetched yet");
        int others = Math.max(0, status.peers());
        if (status.isComplete()) {
            return new Seeding(Health.LOCAL, others == 0 ? "seeded from here" : "seeded here · " + plural(others, "peer"));
        }
        if (status.seeds() > 0) {
            return new Seeding(Health.GOOD, plural(status.seeds(), "seed") + (status.progress() > 0
                    ? String.format(Locale.ROOT, " · %d%% here", (int) Math.floor(status.progress() * 100)) : ""));
        }
        if (status.copies() >= 1) return new Seeding(Health.GOOD, String.format(Locale.ROOT, "%.1f copies", status.copies()));
        if (status.peers() > 0) return new Seeding(Health.WEAK, "partial copies · " + plural(status.peers(), "peer"));
        if (status.progress() > 0) {
            return new Seeding(Health.WEAK, String.format(Locale.ROOT, "%d%% here · no seed online", (int) Math.floor(status.progress() * 100)));
        }
        return new Seeding(Health.NONE, "no seed online");
    }

    /** A file name as a title: no extension, separators as spaces, the first letter upper case. */
    public static String titleFromFileName(String fileName) {
        String base = fileName;
        int dot = base.lastIndexOf('.');
        if (dot > 0) base = base.substring(0, dot);
        base = base.replaceAll("[_.]+", " ").replaceAll("(?<=\\S)-(?=\\S)", " ").replaceAll("\\s+", " ").trim();
        if (base.isEmpty()) return fileName;
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** The text's first {@code max} characters, with an ellipsis if cut. */
    public static String shorten(String text, int max) {
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, Math.max(0, max - 1)) + "…";
    }
}
