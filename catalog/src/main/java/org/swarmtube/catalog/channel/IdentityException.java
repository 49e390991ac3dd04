package org.swarmtube.catalog.channel;

/**
 * Thrown when the node's identity cannot be created, read, written, imported or used. The message
 * is a sentence meant for the person running the node (what is wrong and, where possible, how to
 * fix it); it never contains key material.
 */
public final class IdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IdentityException(String message) {
        super(message);
    }

    IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
