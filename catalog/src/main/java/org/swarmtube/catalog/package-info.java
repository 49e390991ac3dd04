/**
 * What a node knows, in one H2 file: its own videos, other channels' catalogs and the viewer's
 * relation to them. No networking, no libtorrent, no UI.
 *
 * <ul>
 *   <li>{@link org.swarmtube.catalog.VideoStore}: opens the database (Flyway migrations under
 *       {@code db/migration}) and holds the videos this node publishes.</li>
 *   <li>{@link org.swarmtube.catalog.ChannelStore}: verified catalogs merged in, subscriptions,
 *       blocks, the feed and its seen state, browsing, full-text search, watch positions; its
 *       lines are {@link org.swarmtube.catalog.VideoSummary}, its channels
 *       {@link org.swarmtube.catalog.ChannelInfo}.</li>
 *   <li>{@link org.swarmtube.catalog.VideoId}, {@link org.swarmtube.catalog.Infohash},
 *       {@link org.swarmtube.catalog.MagnetLink}: the names of videos.</li>
 * </ul>
 *
 * <p>Both stores share one connection: every call is serialized on it and every write is one
 * transaction. Merging trusts its input: catalogs are verified by
 * {@link org.swarmtube.catalog.channel.CatalogLayout} before they get here.
 */
package org.swarmtube.catalog;
