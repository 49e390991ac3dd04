package org.swarmtube.catalog.channel;

/**
 * Thrown when a catalog (or part of one) that came from outside this process is refused: bad or
 * foreign signature, malformed or non-canonical JSON, a field or file over its limit, a file name
 * that leaves the catalog directory, an older version than the one already held.
 *
 * <p>The message is one sentence saying what is wrong, fit for a log line or a status message.
 * It is checked on purpose: every caller that loads a catalog must decide what a refusal means
 * for it (keep the old version, log the peer, show an error).
 */
public final class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public CatalogException(String message) {
        super(message);
    }

    /** A refusal with its reason and the lower-level failure behind it. */
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
