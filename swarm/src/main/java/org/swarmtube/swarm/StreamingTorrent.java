package org.swarmtube.swarm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.libtorrent4j.PieceIndexBitfield;
import org.libtorrent4j.Priority;
import org.libtorrent4j.TorrentHandle;
import org.libtorrent4j.TorrentInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming state of one torrent: its open readers, the piece deadlines that follow them,
 * and verified piece data. Data is read through libtorrent's {@code read_piece}, never from the
 * file: right after a piece passes its hash check the file may still show stale blocks.
 *
 * <p>Which pieces are held is tracked here, from libtorrent's piece alerts, rather than asked of
 * libtorrent: every {@code have_piece} is a round trip to libtorrent's network thread, and
 * moving the deadlines asked it some forty times. Deadlines move on a thread of their own, not
 * on libtorrent's alert thread, so that the alert thread hands out piece data without waiting
 * (it used to hold read pieces back by 100-150 ms while a burst of pieces arrived).
 *
 * <p>Only the piece each reader needs now (and a file's first) gets a deadline; the rest of the
 * window gets priorities graded by distance. libtorrent gives every piece with a deadline top
 * priority and picks among equal priorities in no order, so deadlines on the whole window made
 * it arrive shuffled: with a seeder at twice the bitrate the player's next pieces came among the
 * last and the first frame took 7-10 s (2 s in order). See docs/stream-first-frame.md.
 */
final class StreamingTorrent {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingTorrent.class);
    private static final int CACHED_PIECES = 16;
    private static final int URGENT_PIECES = 4;
    /** How long after the first reader the window takes to open fully (see PieceWindow.windowFor). */
    static final long RAMP_MS = 1000;
    /**
     * Held pieces just ahead of a reader that are read into memory before it asks: it then finds
     * them here instead of waiting for a read round trip per piece.
     */
    static final int READ_AHEAD_PIECES = 4;
    /** How stale the record of held pieces may get while a reader waits (pieces found by a recheck post no alert). */
    private static final long REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Moves deadlines for every streamed torrent, off libtorrent's alert thread. */
    private static final ExecutorService UPDATES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "swarm-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final TorrentHandle handle;
    private final int pieceLength;
    private final int numPieces;
    /** Verified pieces, from libtorrent's status and its piece alerts since. */
    private final BitSet held = new BitSet();
    private final Object arrivals = new Object();
    private final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final Set<Integer> readsInFlight = ConcurrentHashMap.newKeySet();
    /** Pieces whose deadline has libtorrent read them when they arrive. */
    private final Set<Integer> autoRead = ConcurrentHashMap.newKeySet();
    private final Set<FileStream> readers = new CopyOnWriteArraySet<>();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    /** The pieces wanted for the readers. */
    private Set<Integer> window = Set.of();
    /** Pieces with a deadline set, and the deadline (ms) they were given. */
    private final Map<Integer, Integer> deadlines = new HashMap<>();
    private boolean backgroundPaused;
    /** The window's priorities when the rest was last set aside or let in again. */
    private Map<Integer, Priority> windowPriorities = Map.of();
    private volatile boolean closed;
    /** When the first reader opened (System.nanoTime), 0 before. */
    private volatile long firstReaderNanos;
    private volatile long lastRefresh;
    /** The file a player is expected to read from its start, while no reader is open yet. */
    private volatile int[] expected;
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
        refreshHeld();
    }

    /**
     * Adds what libtorrent says is held now. Called once more after the torrent is reachable
     * by the alert handler, so that a piece finishing in between is not missed.
     */
    void refreshHeld() {
        lastRefresh = System.nanoTime();
        PieceIndexBitfield bits = handle.status(TorrentHandle.QUERY_PIECES).pieces();
        synchronized (held) {
            for (int i = 0; i < numPieces && i < bits.size(); i++) if (bits.getBit(i)) held.set(i);
        }
    }

    TorrentHandle handle() {
        return handle;
    }

    int pieceLength() {
        return pieceLength;
    }

    /** Adds a reader without moving the deadlines yet ({@link #updateDeadlines} does). */
    void add(FileStream reader) {
        if (firstReaderNanos == 0) {
            firstReaderNanos = System.nanoTime();
            // the window opens fully after the ramp even if nothing else moves the deadlines then
            CompletableFuture.delayedExecutor(RAMP_MS + 10, TimeUnit.MILLISECONDS, UPDATES).execute(() -> {
                try {
                    if (!closed) updateDeadlines();
                } catch (RuntimeException e) {
                    LOG.warn("moving the piece deadlines: {}", e.toString());
                }
            });
        }
        readers.add(reader);
        expected = null;
    }

    /**
     * Removes a reader. The last one leaves the deadlines as they are: a player closes one
     * connection and opens the next at once (after reading a file's index at its end).
     */
    void unregister(FileStream reader) {
        readers.remove(reader);
        if (!readers.isEmpty()) updateDeadlines();
    }

    /**
     * Fetches what a player reads first of the file spanning {@code firstPiece..lastPiece}
     * before any reader opens: its first and last pieces, with deadlines, read into memory as
     * they arrive.
     */
    void expectReader(int firstPiece, int lastPiece) {
        if (!readers.isEmpty()) return;
        expected = new int[] {firstPiece, lastPiece};
        updateDeadlines();
    }

    Set<FileStream> readers() {
        return readers;
    }

    boolean hasReaders() {
        return !readers.isEmpty();
    }

    boolean have(int piece) {
        synchronized (held) {
            return held.get(piece);
        }
    }

    /** A copy of the verified pieces. */
    BitSet held() {
        synchronized (held) {
            return (BitSet) held.clone();
        }
    }

    /** Waits until another piece is verified, or {@code millis} pass. */
    void awaitArrival(long millis) throws InterruptedIOException {
        synchronized (arrivals) {
            try {
                arrivals.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
        refreshIfStale();
    }

    /** Ends every {@link #awaitArrival} early, as an arriving piece would. */
    void wakeWaiters() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    private void refreshIfStale() {
        if (!closed && System.nanoTime() - lastRefresh > REFRESH_NANOS) refreshHeld();
    }

    /** The verified bytes of a piece, waiting for it to be downloaded if needed. */
    byte[] piece(int piece, Duration timeout) throws IOException {
        byte[] cached = cached(piece);
        if (cached != null) return cached;
        CompletableFuture<byte[]> future = pending.computeIfAbsent(piece, p -> new CompletableFuture<>());
        // checked after registering: a piece finishing in between is then seen by onPieceFinished
        if (have(piece)) requestRead(piece);
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) throw new IOException("no data for piece " + piece + " within " + timeout.toSeconds() + " s");
                try {
                    return future.get(Math.min(left, 500), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    refreshIfStale();
                    // held but not handed over: a read libtorrent was to make by itself did not come
                    if (have(piece) && !closed) handle.readPiece(piece);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for piece " + piece);
        } catch (ExecutionException e) {
            pending.remove(piece, future);
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private byte[] cached(int piece) {
        synchronized (cache) {
            return cache.get(piece);
        }
    }

    /**
     * Asks for the held pieces after {@code piece} that a sequential reader reads next, so that
     * their data is here when it comes to them.
     */
    void readAhead(int piece, int lastPiece) {
        for (int k = 1; k <= READ_AHEAD_PIECES && piece + k <= lastPiece; k++) {
            int next = piece + k;
            if (have(next) && cached(next) == null) requestRead(next);
        }
    }

    private void requestRead(int piece) {
        if (!closed && readsInFlight.add(piece)) handle.readPiece(piece);
    }

    void onPieceFinished(int piece) {
        if (LOG.isDebugEnabled()) LOG.debug("stream: piece {} verified", piece);
        synchronized (held) {
            held.set(piece);
        }
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
        // libtorrent reads a piece whose deadline asked for it as soon as it passes the hash check
        if (autoRead.remove(piece)) readsInFlight.add(piece);
        else if (pending.containsKey(piece)) requestRead(piece);
        // coalesced: a burst of pieces moves the deadlines once
        if (updateQueued.compareAndSet(false, true)) {
            UPDATES.execute(() -> {
                updateQueued.set(false);
                try {
                    if (!closed) updateDeadlines();
                } catch (RuntimeException e) {
                    LOG.warn("moving the piece deadlines: {}", e.toString());
                }
            });
        }
    }

    void onPieceRead(int piece, byte[] data, String error) {
        if (LOG.isDebugEnabled()) LOG.debug("stream: piece {} read{}", piece, error == null ? "" : ": " + error);
        readsInFlight.remove(piece);
        autoRead.remove(piece);
        CompletableFuture<byte[]> future = pending.get(piece);
        if (error != null) {
            // libtorrent may refuse a read while the piece is still being written; ask again once held
            if (future != null && have(piece)) requestRead(piece);
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
        if (closed) return;
        BitSet have = held();
        Map<Integer, Integer> wanted = new LinkedHashMap<>();
        List<int[]> positions = new ArrayList<>(); // first piece, last piece, reader's piece
        for (FileStream reader : readers) positions.add(new int[] {reader.firstPiece(), reader.lastPiece(), reader.currentPiece()});
        int[] expecting = expected;
        if (positions.isEmpty() && expecting != null) positions.add(new int[] {expecting[0], expecting[1], expecting[0]});
        // the last reader left: keep everything as it is for the next one, until the engine closes this
        if (positions.isEmpty()) return;
        // before a reader opens, only the first and last pieces: the player may start elsewhere,
        // and with a slow seeder every other piece fetched first delays its own
        long sinceFirstReader = firstReaderNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstReaderNanos);
        boolean rampDone = sinceFirstReader >= RAMP_MS;
        int windowPieces = readers.isEmpty() ? 1 : PieceWindow.windowFor(pieceLength, sinceFirstReader, RAMP_MS);
        for (int[] p : positions) {
            PieceWindow pw = new PieceWindow(p[0], p[1], windowPieces);
            pw.deadlines(List.of(p[2]), have::get).forEach((piece, ms) -> wanted.merge(piece, ms, Math::min));
        }
        prioritise(positions, wanted, have, readers.isEmpty() || !rampDone);
        window = Set.copyOf(wanted.keySet());
        for (Integer piece : new ArrayList<>(deadlines.keySet())) {
            if (!wanted.containsKey(piece) || !critical(wanted.get(piece))) {
                handle.resetPieceDeadline(piece);
                deadlines.remove(piece);
                autoRead.remove(piece);
            }
        }
        wanted.forEach((piece, ms) -> {
            if (!critical(ms)) return;
            // a deadline is a time from now: set again only when it changes, or the piece's turn
            // would keep moving back
            if (ms.equals(deadlines.get(piece))) return;
            // libtorrent reads the piece as soon as it passes the hash check and posts it: one
            // round trip less between the piece arriving and the reader having it
            autoRead.add(piece);
            handle.setPieceDeadline(piece, ms, TorrentHandle.ALERT_WHEN_AVAILABLE);
            deadlines.put(piece, ms);
        });
    }

    /**
     * While a reader's next pieces are missing, everything else is set aside: requests already
     * queued for other pieces would otherwise hold the deadline pieces back by seconds (libtorrent
     * pipelines about three seconds of requests per peer). Once the readers are ahead, the rest of
     * the file is fetched again at low priority, rarest first, so the viewer becomes a seed too.
     * The window itself is graded ({@link #priorityFor}).
     */
    private void prioritise(List<int[]> positions, Map<Integer, Integer> wanted, BitSet have, boolean noReader) {
        // before a reader opens nothing but what it will read first is fetched: it may start elsewhere
        boolean urgent = noReader && !positions.isEmpty();
        for (int[] p : positions) {
            for (int k = 0; k < URGENT_PIECES && p[2] + k <= p[1]; k++) {
                if (!have.get(p[2] + k)) urgent = true;
            }
        }
        Map<Integer, Priority> graded = new HashMap<>();
        wanted.forEach((piece, ms) -> graded.put(piece, priorityFor(ms)));
        // libtorrent has these priorities already (pieces that arrived since need none)
        if (urgent == backgroundPaused && graded.entrySet().stream().allMatch(e -> e.getValue() == windowPriorities.get(e.getKey()))) {
            return;
        }
        Priority[] priorities = Priority.array(urgent ? Priority.IGNORE : Priority.LOW, numPieces);
        graded.forEach((piece, priority) -> priorities[piece] = priority);
        handle.prioritizePieces(priorities);
        windowPriorities = graded;
        backgroundPaused = urgent;
    }

    /**
     * Whether a piece gets a deadline: only the one each reader needs now, and a file's first.
     * libtorrent gives every piece with a deadline top priority and picks among equals in no
     * order, so more deadlines would scramble the order the grades below set.
     */
    private static boolean critical(int deadlineMs) {
        return deadlineMs < PieceWindow.FIRST_DEADLINE_MS + PieceWindow.DEADLINE_STEP_MS;
    }

    /**
     * The nearer a piece's deadline, the higher its priority, so that the window arrives roughly
     * in order (libtorrent's picker takes the highest priority first); background pieces have
     * the lowest.
     */
    static Priority priorityFor(int deadlineMs) {
        int k = (deadlineMs - PieceWindow.FIRST_DEADLINE_MS) / PieceWindow.DEADLINE_STEP_MS;
        if (k < 1) return Priority.TOP_PRIORITY;
        if (k < 2) return Priority.SIX;
        if (k < 4) return Priority.FIVE;
        if (k < 8) return Priority.DEFAULT;
        if (k < 16) return Priority.THREE;
        return Priority.TWO;
    }

    /**
     * Piece priorities for a torrent added to be streamed, for libtorrent to apply as soon as the
     * metadata arrives: the first pieces (a single-file torrent's video starts there), nothing else.
     */
    static Priority[] startPriorities() {
        Priority[] priorities = Priority.array(Priority.IGNORE, 1 << 16);
        for (int i = 0; i < PieceWindow.HEADER_PIECES; i++) {
            priorities[i] = priorityFor(PieceWindow.FIRST_DEADLINE_MS + i * PieceWindow.DEADLINE_STEP_MS);
        }
        return priorities;
    }

    /** The pieces wanted for the readers now, with a deadline or a window priority. */
    synchronized Set<Integer> wantedPieces() {
        return window;
    }

    int numPieces() {
        return numPieces;
    }

    void close() {
        closed = true;
        for (CompletableFuture<byte[]> future : pending.values()) {
            future.completeExceptionally(new IOException("the stream was closed"));
        }
        pending.clear();
        synchronized (this) {
            for (Integer piece : deadlines.keySet()) handle.resetPieceDeadline(piece);
            deadlines.clear();
            autoRead.clear();
            if (handle.isValid()) handle.prioritizePieces(Priority.array(Priority.DEFAULT, numPieces));
            backgroundPaused = false;
            windowPriorities = Map.of();
            window = Set.of();
        }
    }
}
