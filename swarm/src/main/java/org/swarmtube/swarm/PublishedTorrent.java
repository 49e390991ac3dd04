package org.swarmtube.swarm;

/**
 * A torrent made from a local file and now seeded.
 *
 * @param infohash    v1 infohash, 40 lower-case hex digits
 * @param magnet      a magnet link with the v1 infohash, the name and the trackers
 * @param name        the file name inside the torrent
 * @param sizeBytes   the file's size
 * @param pieceSize   bytes per piece
 * @param torrentFile the bencoded .torrent
 */
public record PublishedTorrent(String infohash, String magnet, String name, long sizeBytes, int pieceSize,
                               byte[] torrentFile) {
}
