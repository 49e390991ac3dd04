package org.swarmtube.app;

/**
 * A subscribed channel brought new videos (for a desktop notification).
 *
 * @param channelKey  the channel's public key, 64 hex digits
 * @param channelName the channel's name
 * @param count       how many videos are new
 */
public record NewVideos(String channelKey, String channelName, int count) {
}
