package org.swarmtube.swarm;

/** Receives hashing progress while a file is turned into a torrent. Called from the hashing thread. */
@FunctionalInterface
public interface HashingProgress {
    /** Nothing. */
    HashingProgress NONE = (done, total) -> { };

    /**
     * @param bytesHashed bytes hashed so far
     * @param totalBytes  the file's size
     */
    void progress(long bytesHashed, long totalBytes);
}
