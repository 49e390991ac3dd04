package org.swarmtube.swarm;

/**
 * A snapshot of one torrent.
 *
 * @param infohash         v1 infohash, 40 lower-case hex digits
 * @param name             the torrent's name ("" until a magnet's metadata arrives)
 * @param state            what the torrent is doing
 * @param progress         fraction of the torrent held and verified, 0 to 1
 * @param sizeBytes        total size (0 until metadata arrives)
 * @param doneBytes        bytes held and verified
 * @param peers            connected peers, seeds included
 * @param seeds            connected seeds
 * @param copies           distributed copies of the torrent among connected peers (-1 if unknown)
 * @param downloadRate     payload download rate, bytes/s
 * @param uploadRate       payload upload rate, bytes/s
 * @param downloadedBytes  payload downloaded since this engine started (what a resumed download still needed)
 * @param uploadedBytes    payload uploaded in all, across restarts (libtorrent's all-time count, kept in the
 *                         resume data and brought up to date once a second; a seeding ratio policy counts on it)
 * @param path             where the torrent's data is (the file for a single-file torrent)
 * @param error            the torrent's error, or "" if none
 */
public record TorrentStatus(String infohash, String name, State state, double progress, long sizeBytes,
                            long doneBytes, int peers, int seeds, double copies, long downloadRate,
                            long uploadRate, long downloadedBytes, long uploadedBytes, String path,
                            String error) {

    /** What a torrent is doing. */
    public enum State {
        /** Waiting for the metadata of a magnet link from peers. */
        FETCHING_METADATA,
        /** Checking data already on disk. */
        CHECKING,
        /** Downloading. */
        DOWNLOADING,
        /** Complete and uploading to others. */
        SEEDING,
        /** Stopped by the user. */
        PAUSED,
        /** Stopped by an error (see {@code error}). */
        ERROR
    }

    /** True if every wanted byte is held and verified. */
    public boolean isComplete() {
        return sizeBytes > 0 && doneBytes >= sizeBytes;
    }
}
