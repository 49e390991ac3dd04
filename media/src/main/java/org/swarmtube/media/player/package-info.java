/**
 * The desktop video player: {@link org.swarmtube.media.player.VideoPlayer}, a JavaFX node that plays a
 * file or an HTTP stream with libvlc (vlcj) into an {@code ImageView}, with its controls and a
 * {@link org.swarmtube.media.player.BufferBar} that shows an {@link org.swarmtube.media.BufferView}.
 *
 * <p>The only package of the application that uses JavaFX and vlcj together; no vlcj type appears in
 * its public API. Needs the Debian packages {@code libvlc5}, {@code vlc-plugin-base} and (for JavaFX)
 * {@code libgtk-3-0}.
 */
package org.swarmtube.media.player;
