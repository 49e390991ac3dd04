package org.swarmtube.media.player;

/** Where a {@link VideoPlayer} is, as libvlc reported it last. */
public enum PlayerState {
    /** Nothing has been played yet. */
    IDLE,
    /** A video was asked for; libvlc is opening it (for a URL: connecting and reading its header). */
    OPENING,
    /** Playing. Also while libvlc waits for data it has asked for: see {@link VideoPlayer#sinceLastFrame()}. */
    PLAYING,
    /** Paused by {@link VideoPlayer#pause()} or the user. */
    PAUSED,
    /** Stopped by {@link VideoPlayer#stop()}; {@link VideoPlayer#restartAt} plays again. */
    STOPPED,
    /** Played to the end. */
    FINISHED,
    /** libvlc could not open or decode the video, or could not be started. */
    ERROR
}
