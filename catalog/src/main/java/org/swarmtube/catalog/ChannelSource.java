package org.swarmtube.catalog;

/** How this node first heard of a channel. It is recorded once and never changes. */
public enum ChannelSource {
    /** The viewer subscribed with the channel's link. */
    SUBSCRIBED,
    /** Another channel's catalog recommends it. */
    RECOMMENDED,
    /** A node on the local network announced it. */
    LAN,
    /** A link was opened without subscribing, or a catalog arrived with no earlier notice. */
    LINK
}
