package org.swarmtube.swarm;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader over one file of a torrent that is still downloading, by byte range. A read blocks
 * until the bytes it needs are downloaded and verified, and moves the reader's piece window to
 * where it reads, so a seek is followed at once. Several readers may be open on one file.
 * Not thread-safe: one reader per consumer (a player's connection).
 */
public final class FileStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileStream.class);
    private final StreamingTorrent torrent;
    private final Runnable onClose;
    private final String name;
    private final long fileOffset;
    private final long length;
    private final Duration readTimeout;
    private volatile long position;
    private volatile boolean waiting;
    private volatile boolean closed;
    private volatile long lastReadNanos = System.nanoTime();
    /** The piece this reader was in when it last moved the deadlines. */
    private int deadlinesAt = -1;

    FileStream(StreamingTorrent torrent, String name, long fileOffset, long length, Duration readTimeout, Runnable onClose) {
        this.torrent = torrent;
        this.name = name;
        this.fileOffset = fileOffset;
        this.length = length;
        this.readTimeout = readTimeout;
        this.onClose = onClose;
    }

    /** The file's name inside the torrent (its last path element). */
    public String name() {
        return name;
    }

    /** The file's length in bytes. */
    public long length() {
        return length;
    }

    /**
     * Reads verified bytes at {@code position}, blocking until they are downloaded. Returns at
     * most up to the end of the piece holding {@code position}.
     *
     * @return the number of bytes read, or -1 at the end of the file
     * @throws IOException if no data came within the read timeout or the stream was closed
     */
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (closed) throw new IOException("the stream is closed");
        if (position < 0) throw new IllegalArgumentException("negative position");
        if (position >= this.length) return -1;
        if (length == 0) return 0;
        lastReadNanos = System.nanoTime();
        long absolute = fileOffset + position;
        int piece = (int) (absolute / torrent.pieceLength());
        this.position = position;
        // also when a sequential read has just crossed into the next piece: only the piece a
        // reader is in gets a deadline
        if (piece != deadlinesAt) {
            deadlinesAt = piece;
            torrent.updateDeadlines();
        }
        byte[] data;
        waiting = !torrent.have(piece);
        if (waiting) LOG.debug("stream: read at {} waits for piece {}", position, piece);
        try {
            data = torrent.piece(piece, readTimeout);
        } finally {
            waiting = false;
        }
        torrent.readAhead(piece, lastPiece());
        int inPiece = (int) (absolute - (long) piece * torrent.pieceLength());
        int n = (int) Math.min(Math.min(length, data.length - inPiece), this.length - position);
        System.arraycopy(data, inPiece, buffer, offset, n);
        this.position = position + n;
        return n;
    }

    /**
     * Tells the reader where its next read will be, so that its piece window moves there at
     * once; for a consumer that waits before reading (a server holding bytes back).
     */
    public void seek(long position) {
        if (position < 0 || position > length) throw new IllegalArgumentException("position out of range");
        lastReadNanos = System.nanoTime();
        this.position = position;
        if (currentPiece() != deadlinesAt) {
            deadlinesAt = currentPiece();
            torrent.updateDeadlines();
        }
    }

    /**
     * The end of the bytes held without a gap from {@code position} on (at most 64 pieces ahead
     * are looked at, so a far end is reported as that bound).
     */
    public long contiguousEnd(long position) {
        if (position >= length) return length;
        int piece = (int) ((fileOffset + position) / torrent.pieceLength());
        int last = lastPiece();
        int bound = Math.min(last, piece + 64);
        int at = piece;
        while (at <= bound && torrent.have(at)) at++;
        if (at > last) return length;
        return Math.max(position, (long) at * torrent.pieceLength() - fileOffset);
    }

    /**
     * Waits until another piece of the torrent is verified, or {@code max} passes: for a consumer
     * that waits for {@link #contiguousEnd} to grow.
     */
    public void awaitArrival(Duration max) throws IOException {
        if (closed) throw new IOException("the stream is closed");
        torrent.awaitArrival(Math.max(1, max.toMillis()));
    }

    /**
     * Ends the {@link #awaitArrival} waits on this torrent's readers now, for a consumer whose
     * own condition changed (the bytes it held back are released). Any thread.
     */
    public void wakeUp() {
        torrent.wakeWaiters();
    }

    /** Where this reader last read. */
    public long position() {
        return position;
    }

    int currentPiece() {
        return (int) ((fileOffset + position) / torrent.pieceLength());
    }

    int firstPiece() {
        return (int) (fileOffset / torrent.pieceLength());
    }

    int lastPiece() {
        return (int) ((fileOffset + Math.max(0, length - 1)) / torrent.pieceLength());
    }

    boolean waiting() {
        return waiting;
    }

    /**
     * What is local, what is requested and how far each open reader of this file is buffered.
     *
     * @param bytesPerSecond the video's average bitrate in bytes per second (its size over its
     *                       duration), or 0 if unknown
     */
    public BufferStatus bufferStatus(double bytesPerSecond) {
        java.util.BitSet have = torrent.held();
        int first = firstPiece();
        int last = lastPiece();
        List<ByteRange> local = ranges(first, last, have::get);
        Set<Integer> requested = torrent.wantedPieces();
        List<ByteRange> wanted = ranges(first, last, requested::contains);
        List<BufferStatus.Reader> readers = new ArrayList<>();
        for (FileStream reader : torrent.readers()) {
            if (reader.fileOffset != fileOffset) continue;
            long ahead = 0;
            for (ByteRange range : local) {
                if (range.start() <= reader.position && reader.position < range.end()) ahead = range.end() - reader.position;
            }
            boolean active = System.nanoTime() - reader.lastReadNanos < 2_000_000_000L;
            readers.add(new BufferStatus.Reader(reader.position, ahead, bytesPerSecond > 0 ? ahead / bytesPerSecond : 0,
                    reader.waiting, active));
        }
        return new BufferStatus(length, local, wanted, readers);
    }

    private List<ByteRange> ranges(int first, int last, java.util.function.IntPredicate in) {
        List<ByteRange> out = new ArrayList<>();
        long pieceLength = torrent.pieceLength();
        long start = -1;
        for (int i = first; i <= last + 1; i++) {
            boolean member = i <= last && in.test(i);
            if (member && start < 0) start = i;
            if (!member && start >= 0) {
                long from = Math.max(0, start * pieceLength - fileOffset);
                long to = Math.min(length, (long) i * pieceLength - fileOffset);
                if (to > from) out.add(new ByteRange(from, to));
                start = -1;
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        onClose.run();
    }
}
