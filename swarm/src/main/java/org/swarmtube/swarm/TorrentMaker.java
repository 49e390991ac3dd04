package org.swarmtube.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.libtorrent4j.TorrentBuilder;
import org.libtorrent4j.TorrentInfo;

/** Turns one file into a v1 torrent, reporting hashing progress. */
final class TorrentMaker {
    private TorrentMaker() {
    }

    record Made(TorrentInfo info, byte[] torrentFile) {
    }

    /**
     * A hybrid v1+v2 torrent of a directory: BEP 52 gives every file its own piece-aligned hash
     * tree, so a new version re-uses every unchanged file a peer already holds.
     */
    static Made makeDirectory(Path directory) {
        Path dir = directory.toAbsolutePath();
        if (!Files.isDirectory(dir)) throw new SwarmException(dir + " is not a directory");
        TorrentBuilder builder = new TorrentBuilder().path(dir.toFile()).creator("Swarmtube")
                .flags(TorrentBuilder.CANONICAL_FILES);
        try {
            byte[] torrent = builder.generate().entry().bencode();
            return new Made(TorrentInfo.bdecode(torrent), torrent);
        } catch (IOException | RuntimeException e) {
            throw new SwarmException("cannot hash " + dir + ": " + e.getMessage(), e);
        }
    }

    static Made make(PublishRequest request, HashingProgress progress) {
        Path file = request.file().toAbsolutePath();
        if (!Files.exists(file)) throw new SwarmException(file + ": no such file");
        if (Files.isDirectory(file)) throw new SwarmException(file + " is a directory, not a video file");
        if (!Files.isRegularFile(file)) throw new SwarmException(file + " is not a regular file");
        if (!Files.isReadable(file)) throw new SwarmException(file + " is not readable");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SwarmException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) throw new SwarmException(file + " is empty");
        int pieceSize = request.pieceSize() != 0 ? request.pieceSize() : PublishRequest.automaticPieceSize(size);
        TorrentBuilder builder = new TorrentBuilder()
                .path(file.toFile())
                .pieceSize(pieceSize)
                .flags(TorrentBuilder.V1_ONLY)
                .creator("Swarmtube")
                .listener(new TorrentBuilder.Listener() {
                    @Override
                    public boolean accept(String filename) {
                        return true;
                    }

                    @Override
                    public void progress(int piece, int pieces) {
                        progress.progress(Math.min(size, (long) (piece + 1) * pieceSize), size);
                    }
                });
        for (String tracker : request.trackers()) builder.addTracker(tracker);
        for (String seed : request.webSeeds()) builder.addUrlSeed(seed);
        try {
            byte[] torrent = builder.generate().entry().bencode();
            progress.progress(size, size);
            return new Made(TorrentInfo.bdecode(torrent), torrent);
        } catch (IOException | RuntimeException e) {
            throw new SwarmException("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }
}
