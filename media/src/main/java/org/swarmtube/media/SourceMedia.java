package org.swarmtube.media;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.media.callback.AbstractCallbackMedia;

/**
 * libvlc input from a {@link VideoSource}: libvlc calls back into Java for every read and seek, so a
 * video still downloading plays without a loopback HTTP hop (measured: libvlc's HTTP input costs
 * 1.3-1.6 times a local file before the first picture; these callbacks cost what the file does).
 *
 * <p>libvlc's {@code stop()} cannot interrupt a Java callback (dependency-facts.md): a read blocked
 * on a missing piece would hold {@code stop()}, and with it the player's control thread, until the
 * piece came. {@link #interrupt()} makes the blocked read, and every later one, fail at once; call
 * it before stopping or replacing this media. One instance serves one playback.
 */
public final class SourceMedia extends AbstractCallbackMedia {
    private static final Logger LOG = LoggerFactory.getLogger(SourceMedia.class);
    private static final int BUFFER = 64 * 1024;

    private final VideoSource source;
    private final byte[] buffer = new byte[BUFFER];
    private final Object lock = new Object();
    private VideoSource.Reader reader;
    private Thread reading;
    private volatile boolean interrupted;
    private volatile String failure;
    private long position;

    public SourceMedia(VideoSource source) {
        super(true);
        this.source = source;
    }

    /** Why the source could not be read (a sentence from it), or null: for the player's error message. */
    public String failure() {
        return failure;
    }

    /** The source this media plays. */
    public VideoSource source() {
        return source;
    }

    /** Ends this playback's reads: a blocked one fails now, later ones at once. Any thread. */
    public void interrupt() {
        interrupted = true;
        synchronized (lock) {
            if (reading != null) reading.interrupt();
        }
    }

    // libvlc asks for the size before it opens
    @Override
    protected long onGetSize() {
        try {
            synchronized (lock) {
                if (interrupted) return 0;
                reading = Thread.currentThread();
            }
            try {
                if (reader == null) reader = source.open();
            } finally {
                release();
            }
            return reader.length();
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot open {}: {}", source.id(), e.getMessage());
            if (!interrupted) failure = e.getMessage();
            return 0;
        }
    }

    @Override
    protected boolean onOpen() {
        position = 0;
        return reader != null && !interrupted;
    }

    @Override
    protected int onRead(Pointer target, int size) throws IOException {
        if (interrupted || reader == null) throw new InterruptedIOException("the playback was stopped");
        int n;
        synchronized (lock) {
            if (interrupted) throw new InterruptedIOException("the playback was stopped");
            reading = Thread.currentThread();
        }
        try {
            n = reader.read(position, buffer, 0, Math.min(size, buffer.length));
        } catch (IOException | RuntimeException e) {
            if (!interrupted) failure = e.getMessage();
            throw e;
        } finally {
            release();
        }
        if (n < 0) return 0; // the end
        target.write(0, buffer, 0, n);
        position += n;
        return n;
    }

    /** Clears this thread's interrupt, which may have come after the read returned: it is libvlc's thread. */
    private void release() {
        synchronized (lock) {
            reading = null;
            Thread.interrupted();
        }
    }

    @Override
    protected boolean onSeek(long offset) {
        if (interrupted || offset < 0) return false;
        position = offset;
        return true;
    }

    @Override
    protected void onClose() {
        VideoSource.Reader open = reader;
        reader = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", source.id(), e.getMessage());
            }
        }
    }
}
