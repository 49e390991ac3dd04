package org.swarmtube.media.player;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file over HTTP on loopback with Range support, as a stream source does, and can stall: while
 * stalled, a read reaching {@code stallAt} blocks until {@link #resume()} (the file's last 64 KiB are
 * always served, since libvlc probes the end of a file when it opens it).
 */
final class RangeServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int TAIL = 64 * 1024;
    private static final int CHUNK = 16 * 1024;

    private final Path file;
    private final long length;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "range-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Object gate = new Object();
    private long stallAt = Long.MAX_VALUE;
    private volatile long blockedReads;

    RangeServer(Path file) throws IOException {
        this.file = file;
        this.length = file.toFile().length();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file.getFileName().toString().replace(" ", "%20");
    }

    long length() {
        return length;
    }

    /** From now on, reads stop at {@code offset} until {@link #resume()}. */
    void stallAt(long offset) {
        synchronized (gate) {
            stallAt = offset;
        }
    }

    void resume() {
        synchronized (gate) {
            stallAt = Long.MAX_VALUE;
            gate.notifyAll();
        }
    }

    /** @return whether a read has reached the stall point and waits there */
    boolean readerWaiting() {
        return blockedReads > 0;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            long start = 0;
            long end = length - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            boolean partial = matcher != null && matcher.matches();
            if (partial) {
                start = Long.parseLong(matcher.group(1));
                if (!matcher.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(matcher.group(2)));
                }
                if (start >= length) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + length);
            }
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(partial ? 206 : 200, head ? -1 : end - start + 1);
            if (!head) {
                send(exchange.getResponseBody(), start, end + 1);
            }
        } catch (IOException e) {
            // the player closed the connection (it seeks by opening a new one)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(OutputStream out, long from, long to) throws IOException, InterruptedException {
        byte[] buffer = new byte[CHUNK];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long at = from;
            in.seek(at);
            while (at < to) {
                long limit = awaitData(at);
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(to, limit) - at));
                out.write(buffer, 0, n);
                at += n;
            }
        }
    }

    /** @return how far the reader at {@code offset} may read now; waits while it is at the stall point */
    private long awaitData(long offset) throws InterruptedException {
        synchronized (gate) {
            if (offset >= length - TAIL) {
                return length;
            }
            if (offset >= stallAt) {
                blockedReads++;
                try {
                    while (offset >= stallAt) {
                        gate.wait();
                    }
                } finally {
                    blockedReads--;
                }
            }
            return offset < stallAt ? Math.min(stallAt, length) : length;
        }
    }

    @Override
    public void close() {
        resume();
        server.stop(0);
        threads.shutdownNow();
    }
}
