/**
 * Video files seen through libvlc (vlcj): {@link org.swarmtube.media.MediaProbe} reads what a file
 * holds and rejects what is not a playable video ({@link org.swarmtube.media.NotAVideoException}, with
 * a sentence a person can read); {@link org.swarmtube.media.Thumbnailer} writes a JPEG thumbnail and a
 * JPEG strip of seek previews. {@link org.swarmtube.media.BufferView} is the plain-data picture of a
 * file's download state that the player's buffer bar draws.
 *
 * <p>No JavaFX and no window: these classes run headless, with no display or sound device, and use
 * no ffmpeg at run time. They need the Debian packages {@code libvlc5} and {@code vlc-plugin-base}.
 * vlcj types stay inside this package and {@link org.swarmtube.media.player}, the JavaFX player.
 */
package org.swarmtube.media;
