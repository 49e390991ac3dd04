package org.swarmtube.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmtube.catalog.channel.ChannelLink;

/**
 * What this node knows of a channel. A channel can be known before any catalog of it was merged
 * (from a recommendation, a LAN announcement, a link); then it has no name, seq or videos yet.
 *
 * @param publicKeyHex    the channel's public key, 64 lower-case hex digits
 * @param saltHex         the BEP 44 salt in hex, once a link gave it (a catalog does not carry it)
 * @param name            the channel's name, once a catalog was merged
 * @param description     the channel's description, empty until a catalog was merged
 * @param source          how this node first heard of the channel
 * @param seq             the seq of the merged catalog, if any
 * @param catalogInfohash the infohash of the catalog torrent that was merged, if any
 * @param firstSeen       when this node first heard of the channel
 * @param lastSeen        when a link, an announcement or a catalog of it last arrived
 * @param subscribed      whether the viewer follows it
 * @param blocked         whether the viewer blocked it
 * @param videoCount      how many of its videos this node lists
 * @param recommended     the channels its catalog recommends, in the creator's order
 */
public record ChannelInfo(String publicKeyHex, Optional<String> saltHex, Optional<String> name, String description,
                          ChannelSource source, OptionalLong seq, Optional<String> catalogInfohash, Instant firstSeen,
                          Instant lastSeen, boolean subscribed, boolean blocked, int videoCount,
                          List<ChannelLink> recommended) {
    public ChannelInfo {
        Objects.requireNonNull(publicKeyHex, "publicKeyHex");
        Objects.requireNonNull(saltHex, "saltHex");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(catalogInfohash, "catalogInfohash");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        recommended = List.copyOf(recommended);
    }

    /** The channel's link, once the salt is known. */
    public Optional<ChannelLink> link() {
        return saltHex.map(salt -> new ChannelLink(publicKeyHex, salt, List.of()));
    }
}
