package org.swarmtube.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fetch", description = {"Download a torrent by magnet link or infohash to a file, verifying every piece.",
        "Interrupted fetches continue where they stopped when run again with the same data directory.",
        "Progress goes to stderr once a second."})
final class FetchVerb extends Verb {
    @Parameters(index = "0", paramLabel = "MAGNET|INFOHASH", description = "What to download.")
    String link;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "Where to write the file (a directory for a multi-file torrent).")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long (default: never).")
    long timeoutSeconds;

    @Mixin
    NodeFlags nodeFlags;

    @Override
    public Integer call() {
        NodeApi.FetchProgress done = withNode(nodeFlags, this::fetch);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", done.path());
        result.put("bytes", done.bytes());
        result.put("infohash", done.infohash());
        result.put("downloaded", done.downloaded());
        print(result, "fetched " + done.path() + " (" + bytes(done.bytes()) + ")");
        return 0;
    }

    private NodeApi.FetchProgress fetch(NodeApi node) {
        NodeApi.FetchProgress progress = node.startFetch(link, out);
        long started = System.nanoTime();
        long lastReport = 0;
        while (!progress.done()) {
            if (!progress.error().isEmpty() && progress.state().equals("ERROR")) {
                throw new IllegalStateException("the download failed: " + progress.error());
            }
            long now = System.nanoTime();
            if (timeoutSeconds > 0 && now - started > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "gave up after %d s at %.1f%%; run the same command again to continue", timeoutSeconds,
                        progress.progress() * 100));
            }
            if (now - lastReport >= 1_000_000_000L) {
                report(progress);
                lastReport = now;
            }
            try {
                Thread.sleep(200); // polling the engine's state; there is nothing to wait on across the control API
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            progress = node.fetchProgress(progress.infohash());
        }
        return progress;
    }

    private void report(NodeApi.FetchProgress p) {
        if (p.sizeBytes() == 0) {
            err().printf(Locale.ROOT, "fetching %s: looking for peers and metadata (%d peers)%n", p.infohash(), p.peers());
        } else {
            err().printf(Locale.ROOT, "fetching %s: %.1f%% of %s at %s/s from %d peers%n", p.name(), p.progress() * 100,
                    bytes(p.sizeBytes()), bytes(p.downloadRate()), p.peers());
        }
        err().flush();
    }
}
