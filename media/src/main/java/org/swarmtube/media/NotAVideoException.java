package org.swarmtube.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file is not a video Swarmtube can play. {@link #getMessage()} is one sentence, naming the file,
 * that can be shown to a person as it is; {@link #reason()} is for code.
 */
public final class NotAVideoException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a file was rejected. */
    public enum Reason {
        /** No file at that path, or the path is a folder. */
        MISSING,
        /** The file exists but cannot be read (permissions, I/O error). */
        UNREADABLE,
        /** The file has no bytes. */
        EMPTY,
        /** The file's own header says it is longer than it is: an interrupted download or copy. */
        TRUNCATED,
        /** A still picture (PNG, JPEG, ...). */
        IMAGE,
        /** Sound without pictures. */
        AUDIO_ONLY,
        /** Not a media format that libvlc recognises (a text file, a document, random bytes). */
        UNRECOGNISED,
        /** The headers look like a video but no length or no picture could be read from it. */
        UNDECODABLE
    }

    private final transient Path file;
    /** Why the file was rejected. */
    private final Reason reason;

    NotAVideoException(Path file, Reason reason, String sentence) {
        super(sentence);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the rejected file */
    public Path file() {
        return file;
    }

    /** @return why the file was rejected */
    public Reason reason() {
        return reason;
    }
}
