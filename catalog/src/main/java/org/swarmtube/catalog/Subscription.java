package org.swarmtube.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmtube.catalog.channel.ChannelLink;

/**
 * A channel the viewer follows, with what a poller needs to decide whether there is anything new.
 *
 * @param link            the channel's link, without peer hints
 * @param name            the channel's name, once a catalog of it was merged
 * @param since           when the viewer subscribed
 * @param keepCopy        whether new videos are downloaded and seeded (the viewer's redundancy policy)
 * @param lastPoll        when its DHT item was last polled, if ever
 * @param seq             the seq of the merged catalog, if any: a pointer with this seq or lower is not news
 * @param catalogInfohash the infohash of the catalog torrent that was merged, if any
 */
public record Subscription(ChannelLink link, Optional<String> name, Instant since, boolean keepCopy,
                           Optional<Instant> lastPoll, OptionalLong seq, Optional<String> catalogInfohash) {
    public Subscription {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastPoll, "lastPoll");
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(catalogInfohash, "catalogInfohash");
    }
}
