package org.swarmtube.swarm;

/** A failure of the BitTorrent engine, with a message fit to show a person. */
public class SwarmException extends RuntimeException {
    public SwarmException(String message) {
        super(message);
    }

    public SwarmException(String message, Throwable cause) {
        super(message, cause);
    }
}
