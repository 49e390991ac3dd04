package org.swarmtube.catalog.channel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a channel says about itself: name, description, avatar, and the channels it recommends.
 *
 * <p>The avatar is embedded in the profile (base64 JPEG, at most
 * {@link CatalogLimits#MAX_AVATAR_BYTES}) rather than referenced as a separate file: the profile
 * is its own small file in the catalog torrent, so the avatar's bytes are fetched again only when
 * the profile changes, and there is no second file to name, hash, or find missing.
 *
 * <p>Recommended channels are links (public key and salt, which together address a channel's DHT
 * item), stored without peer hints since those go stale.
 *
 * @param name        the channel's name, one line, not blank
 * @param description free text, possibly empty
 * @param avatar      a small JPEG, if any
 * @param recommended other channels, without duplicates, in the creator's order
 */
public record ChannelProfile(String name, String description, Optional<Jpeg> avatar,
                             List<ChannelLink> recommended) {
    /**
     * @throws IllegalArgumentException saying which field breaks which limit
     */
    public ChannelProfile {
        name = Text.line("channel name", name, CatalogLimits.MAX_CHANNEL_NAME);
        description = Text.block("channel description", description, CatalogLimits.MAX_CHANNEL_DESCRIPTION);
        Objects.requireNonNull(avatar, "avatar");
        if (recommended.size() > CatalogLimits.MAX_RECOMMENDED) {
            throw new IllegalArgumentException("more than " + CatalogLimits.MAX_RECOMMENDED + " recommended channels");
        }
        List<ChannelLink> links = new ArrayList<>(recommended.size());
        Set<ChannelLink> seen = new HashSet<>();
        for (ChannelLink link : recommended) {
            ChannelLink bare = link.withoutPeers();
            if (!seen.add(bare)) throw new IllegalArgumentException("the channel " + bare + " is recommended twice");
            links.add(bare);
        }
        recommended = List.copyOf(links);
    }

    /** A profile with just a name. */
    public static ChannelProfile named(String name) {
        return new ChannelProfile(name, "", Optional.empty(), List.of());
    }
}
