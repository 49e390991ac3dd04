package org.swarmtube.app.desktop.watch;

import java.util.Locale;
import org.swarmtube.swarm.TorrentStatus;

/**
 * The swarm panel's figures for one video, and their wording. Plain data, built off the FX thread
 * from the engine's snapshot.
 *
 * @param peers        connected peers, seeds included
 * @param seeds        connected seeds
 * @param copies       distributed copies among connected peers, -1 if unknown
 * @param localBytes   bytes held and verified here
 * @param sizeBytes    the torrent's size, 0 until its metadata arrived
 * @param downloadRate bytes/s
 * @param uploadRate   bytes/s
 * @param state        what the torrent is doing, null if the node does not have it
 */
record SwarmFigures(int peers, int seeds, double copies, long localBytes, long sizeBytes, long downloadRate,
                    long uploadRate, TorrentStatus.State state) {
    /** Nothing known yet. */
    static final SwarmFigures NONE = new SwarmFigures(0, 0, -1, 0, 0, 0, 0, null);

    static SwarmFigures of(TorrentStatus status) {
        return new SwarmFigures(status.peers(), status.seeds(), status.copies(), status.doneBytes(), status.sizeBytes(),
                status.downloadRate(), status.uploadRate(), status.state());
    }

    /** Fraction held here, 0 to 1. */
    double localFraction() {
        return sizeBytes <= 0 ? 0 : Math.min(1, (double) localBytes / sizeBytes);
    }

    String peersText() {
        return state == null ? "–" : String.valueOf(peers);
    }

    String seedsText() {
        return state == null ? "–" : String.valueOf(seeds);
    }

    String copiesText() {
        return state == null || copies < 0 ? "–" : String.format(Locale.ROOT, "%.2f", copies);
    }

    /** The share held here, in whole per cent (rounded down: 100 % only when all is here). */
    String localText() {
        if (state == null || sizeBytes <= 0) return "–";
        return (int) Math.floor(localFraction() * 100) + " %";
    }

    String localBytesText() {
        if (state == null || sizeBytes <= 0) return "";
        if (localBytes >= sizeBytes) return "all " + bytes(sizeBytes);
        return bytes(localBytes) + " of " + bytes(sizeBytes);
    }

    String downText() {
        return state == null ? "–" : bytes(downloadRate) + "/s";
    }

    String upText() {
        return state == null ? "–" : bytes(uploadRate) + "/s";
    }

    String stateText() {
        if (state == null) return "Connecting…";
        return switch (state) {
            case FETCHING_METADATA -> "Asking peers for the video…";
            case CHECKING -> "Checking what is here…";
            case DOWNLOADING -> "Streaming from the swarm";
            case SEEDING -> "On this computer; sharing it";
            case PAUSED -> "Paused";
            case ERROR -> "Swarm error";
        };
    }

    /** 1000-based units, as file managers show sizes. */
    static String bytes(long count) {
        if (count < 1000) return count + " B";
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
