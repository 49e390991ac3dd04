package org.swarmtube.swarm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.libtorrent4j.PieceIndexBitfield;
import org.libtorrent4j.Priority;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.TorrentInfo;

/**
 * The streaming state of one torrent: its open readers, the piece deadlines that follow them,
 * and verified piece data. Data is read through libtorrent's {@code read_piece}, never from the
 * file: right after a piece passes its hash check the file may still show stale blocks.
 */
final class StreamingTorrent {
    private static final int CACHED_PIECES = 16;

    private final TorrentHandle handle;
    private final int pieceLength;
    private final int numPieces;
    private final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final Set<Integer> readsInFlight = ConcurrentHashMap.newKeySet();
    private final Set<FileStream> readers = new CopyOnWriteArraySet<>();
    private final Set<Integer> deadlines = new HashSet<>();
    private static final int URGENT_PIECES = 4;
    private boolean backgroundPaused;
    private final Map<Integer, byte[]> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CACHED_PIECES;
        }
    };

    StreamingTorrent(TorrentHandle handle) {
        this.handle = handle;
        TorrentInfo info = handle.torrentFile();
        this.pieceLength = info.pieceLength();
        this.numPieces = info.numPieces();
    }

    TorrentHandle handle() {
        return handle;
    }

    int pieceLength() {
        return pieceLength;
    }

    void register(FileStream reader) {
        readers.add(reader);
        updateDeadlines();
    }

    void unregister(FileStream reader) {
        readers.remove(reader);
        updateDeadlines();
    }

    Set<FileStream> readers() {
        return readers;
    }

    boolean hasReaders() {
        return !readers.isEmpty();
    }

    boolean have(int piece) {
        return handle.havePiece(piece);
    }

    /** The verified bytes of a piece, waiting for it to be downloaded if needed. */
    byte[] piece(int piece, Duration timeout) throws IOException {
        synchronized (cache) {
            byte[] cached = cache.get(piece);
            if (cached != null) return cached;
        }
        CompletableFuture<byte[]> future = pending.computeIfAbsent(piece, p -> new CompletableFuture<>());
        // checked after registering: a piece finishing in between is then seen by onPieceFinished
        if (handle.havePiece(piece)) requestRead(piece);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no data for piece " + piece + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for piece " + piece);
        } catch (ExecutionException e) {
            pending.remove(piece, future);
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void requestRead(int piece) {
        if (readsInFlight.add(piece)) handle.readPiece(piece);
    }

    void onPieceFinished(int piece) {
        if (pending.containsKey(piece)) requestRead(piece);
        updateDeadlines();
    }

    void onPieceRead(int piece, byte[] data, String error) {
        readsInFlight.remove(piece);
        CompletableFuture<byte[]> future = pending.get(piece);
        if (error != null) {
            // libtorrent may refuse a read while the piece is still being written; ask again once held
            if (future != null && handle.havePiece(piece)) requestRead(piece);
            return;
        }
        synchronized (cache) {
            cache.put(piece, data);
        }
        if (future != null) {
            pending.remove(piece, future);
            future.complete(data);
        }
    }

    /** Moves the piece deadlines to where the readers are now. */
    synchronized void updateDeadlines() {
        Map<Integer, Integer> wanted = new LinkedHashMap<>();
        for (FileStream reader : readers) {
            PieceWindow window = new PieceWindow(reader.firstPiece(), reader.lastPiece(), PieceWindow.windowFor(pieceLength));
            window.deadlines(List.of(reader.currentPiece()), handle::havePiece)
                    .forEach((piece, ms) -> wanted.merge(piece, ms, Math::min));
        }
        prioritise(wanted);
        for (Integer piece : new ArrayList<>(deadlines)) {
            if (!wanted.containsKey(piece)) {
                handle.resetPieceDeadline(piece);
                deadlines.remove(piece);
            }
        }
        wanted.forEach((piece, ms) -> {
            handle.setPieceDeadline(piece, ms);
            deadlines.add(piece);
        });
    }

    /**
     * While a reader's next pieces are missing, everything else is set aside: requests already
     * queued for other pieces would otherwise hold the deadline pieces back by seconds (libtorrent
     * pipelines about three seconds of requests per peer). Once the readers are ahead, the rest of
     * the file is fetched again at low priority, rarest first, so the viewer becomes a seed too.
     */
    private void prioritise(Map<Integer, Integer> wanted) {
        boolean urgent = false;
        for (FileStream reader : readers) {
            int at = reader.currentPiece();
            for (int k = 0; k < URGENT_PIECES && at + k <= reader.lastPiece(); k++) {
                if (!handle.havePiece(at + k)) urgent = true;
            }
        }
        if (!urgent && !backgroundPaused) return;
        Priority[] priorities = Priority.array(urgent ? Priority.IGNORE : Priority.LOW, numPieces);
        for (Integer piece : wanted.keySet()) priorities[piece] = Priority.TOP_PRIORITY;
        handle.prioritizePieces(priorities);
        backgroundPaused = urgent;
    }

    synchronized Set<Integer> deadlinePieces() {
        return Set.copyOf(deadlines);
    }

    PieceIndexBitfield pieces() {
        return handle.status(TorrentHandle.QUERY_PIECES).pieces();
    }

    int numPieces() {
        return numPieces;
    }

    void close() {
        for (CompletableFuture<byte[]> future : pending.values()) {
            future.completeExceptionally(new IOException("the stream was closed"));
        }
        pending.clear();
        synchronized (this) {
            for (Integer piece : deadlines) handle.resetPieceDeadline(piece);
            deadlines.clear();
            if (handle.isValid()) handle.prioritizePieces(Priority.array(Priority.DEFAULT, numPieces));
            backgroundPaused = false;
        }
    }
}
