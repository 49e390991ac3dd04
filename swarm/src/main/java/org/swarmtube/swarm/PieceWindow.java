package org.swarmtube.swarm;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Which pieces of a file are time-critical for its readers, and by when: the file's first and
 * last pieces at once (containers keep their index there; MP4 and AVI often at the end), then a
 * window ahead of each read position with deadlines growing with the distance. Everything else
 * is left to libtorrent's rarest-first picker, so a viewer also fetches, and can share, the rest.
 */
final class PieceWindow {
    static final int HEADER_PIECES = 2;
    static final int TAIL_PIECES = 2;
    static final int FIRST_DEADLINE_MS = 100;
    static final int DEADLINE_STEP_MS = 150;
    static final int START_PIECES = 4;
    static final int START_BYTES = 2 << 20;

    private final int firstPiece;
    private final int lastPiece;
    private final int windowPieces;

    /**
     * @param firstPiece   the file's first piece
     * @param lastPiece    the file's last piece (inclusive)
     * @param windowPieces how many pieces ahead of a reader are time-critical
     */
    PieceWindow(int firstPiece, int lastPiece, int windowPieces) {
        if (lastPiece < firstPiece || windowPieces < 1) throw new IllegalArgumentException("bad window");
        this.firstPiece = firstPiece;
        this.lastPiece = lastPiece;
        this.windowPieces = windowPieces;
    }

    /** A window of about 8 MiB, at least 16 pieces. */
    static int windowFor(int pieceLength) {
        return Math.max(16, (8 * 1024 * 1024 + pieceLength - 1) / pieceLength);
    }

    /**
     * The window {@code sinceMs} after the first reader opened: about 2 MiB (at least 4 pieces)
     * at first, growing to {@link #windowFor(int)} over {@code rampMs}. On a fast link the whole
     * 8 MiB window (and the rest of the file) would otherwise arrive while the player parses the
     * index and starts its decoders, and hashing and writing it takes the CPU they need: on
     * loopback the index parse took 40-130 ms instead of 20-40 (docs/stream-first-frame.md).
     * 2 MiB rather than 1: the stream server holds the newest 128 KiB back, so a 1 MiB window
     * made the first megabyte wait for one more piece.
     */
    static int windowFor(int pieceLength, long sinceMs, long rampMs) {
        int full = windowFor(pieceLength);
        int start = Math.min(full, Math.max(START_PIECES, (START_BYTES + pieceLength - 1) / pieceLength));
        if (sinceMs >= rampMs) return full;
        return (int) (start + (full - start) * Math.max(0, sinceMs) / rampMs);
    }

    /**
     * Deadlines in milliseconds for the pieces that are missing and time-critical.
     *
     * @param readerPieces the piece each reader is at
     * @param have         whether a piece is already held
     */
    Map<Integer, Integer> deadlines(Collection<Integer> readerPieces, IntPredicate have) {
        Map<Integer, Integer> out = new HashMap<>();
        // in the order a player reads them: the first piece and the last (an MP4's index is at
        // its end and the player looks there right after the header), then the rest of both
        for (int i = 0; i < HEADER_PIECES; i++) offer(out, firstPiece + i, FIRST_DEADLINE_MS + i * DEADLINE_STEP_MS, have);
        for (int i = 0; i < TAIL_PIECES; i++) {
            offer(out, lastPiece - i, FIRST_DEADLINE_MS + (i == 0 ? DEADLINE_STEP_MS / 2 : (2 * i + 1) * DEADLINE_STEP_MS), have);
        }
        for (int reader : readerPieces) {
            int at = Math.max(firstPiece, Math.min(lastPiece, reader));
            for (int k = 0; k < windowPieces && at + k <= lastPiece; k++) {
                offer(out, at + k, FIRST_DEADLINE_MS + k * DEADLINE_STEP_MS, have);
            }
        }
        return out;
    }

    private void offer(Map<Integer, Integer> out, int piece, int deadline, IntPredicate have) {
        if (piece < firstPiece || piece > lastPiece || have.test(piece)) return;
        out.merge(piece, deadline, Math::min);
    }
}
