package org.swarmtube.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Debian's opentracker on 127.0.0.1, a real third-party tracker. Debian builds it with an access
 * whitelist, so the infohashes it tracks are given when it starts.
 */
final class OpenTracker implements AutoCloseable {
    private final ChildProcess process;
    final int port;

    private OpenTracker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static OpenTracker start(Path dir, int port, List<String> infohashes) throws Exception {
        Path binary = Path.of("/usr/bin/opentracker");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("opentracker is missing: run the README's test command, which installs it");
        }
        Files.createDirectories(dir);
        // opentracker chroots into dir and drops to 'nobody', which must be able to read the list
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path whitelist = dir.resolve("whitelist.txt");
        Files.writeString(whitelist, String.join("\n", infohashes) + "\n");
        Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-P", String.valueOf(port), "-d", dir.toString(), "-w", "/whitelist.txt"));
        if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("-u", "nobody"));
        OpenTracker tracker = new OpenTracker(ChildProcess.start(command, dir), port);
        Await.until(Duration.ofSeconds(10), "opentracker to listen", tracker::listening);
        return tracker;
    }

    String announceUrl() {
        return "http://127.0.0.1:" + port + "/announce";
    }

    /** Seeders the tracker knows for an infohash (from a scrape), or -1 if it cannot say. */
    int seeders(String infohash) {
        try {
            StringBuilder escaped = new StringBuilder();
            for (byte b : HexFormat.of().parseHex(infohash)) escaped.append('%').append(String.format("%02x", b));
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/scrape?info_hash=" + escaped)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.ISO_8859_1);
            int at = body.indexOf("8:completei");
            if (at < 0) return -1;
            int end = body.indexOf('e', at + 11);
            return Integer.parseInt(body.substring(at + 11, end));
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
