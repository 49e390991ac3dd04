package org.swarmtube.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.swarmtube.swarm.HashingProgress;

/** Hashing progress on stderr once a second; a job done within the first second prints nothing. */
final class ProgressLine implements HashingProgress {
    private static final long SECOND = 1_000_000_000L;
    private final PrintWriter err;
    private final String what;
    private long started = -1;
    private long lastPrinted;

    ProgressLine(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void progress(long bytesHashed, long totalBytes) {
        long now = System.nanoTime();
        if (started < 0) {
            started = now;
            lastPrinted = now;
        }
        boolean finished = bytesHashed >= totalBytes;
        if (finished ? now - started < SECOND : now - lastPrinted < SECOND) return;
        lastPrinted = now;
        err.printf(Locale.ROOT, "%s: %.0f%% of %s%n", what, 100.0 * bytesHashed / Math.max(1, totalBytes), Verb.bytes(totalBytes));
        err.flush();
    }
}
