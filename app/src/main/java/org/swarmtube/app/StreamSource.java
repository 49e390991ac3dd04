package org.swarmtube.app;

import java.io.IOException;
import java.time.Duration;
import org.swarmtube.media.VideoSource;
import org.swarmtube.swarm.FileStream;
import org.swarmtube.swarm.SwarmEngine;
import org.swarmtube.swarm.SwarmException;

/**
 * The largest file of one of the node's torrents, for the window's own player: read in this
 * process, while it downloads, under the same {@link HoldBack} as the stream server. libvlc's HTTP
 * input cost 1.3-1.6 times a local file before the first picture on loopback; this input costs
 * what the file does (docs/stream-first-frame.md).
 */
final class StreamSource implements VideoSource {
    private final SwarmEngine swarm;
    private final HoldBack holdBack;
    private final String infohash;

    StreamSource(SwarmEngine swarm, HoldBack holdBack, String infohash) {
        this.swarm = swarm;
        this.holdBack = holdBack;
        this.infohash = infohash;
    }

    @Override
    public String id() {
        return infohash;
    }

    @Override
    public Reader open() throws IOException {
        FileStream stream;
        try {
            stream = swarm.openStream(infohash, Duration.ofSeconds(30));
        } catch (SwarmException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Reader() {
            @Override
            public long length() {
                return stream.length();
            }

            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                if (position >= stream.length()) return -1;
                long allowed = holdBack.allowedEnd(infohash, stream, position);
                return stream.read(position, buffer, offset, (int) Math.min(length, allowed - position));
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }
}
