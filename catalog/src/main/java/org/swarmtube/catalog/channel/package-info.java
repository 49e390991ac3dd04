/**
 * Channels: a creator's identity, the channel link, and the signed channel catalog with its file
 * layout. Pure logic: no networking, no libtorrent, no UI, no database.
 *
 * <ul>
 *   <li>{@link org.swarmtube.catalog.channel.Identity}: the Ed25519 key, its owner-only key file,
 *       export and import, raw BEP 44 signatures.</li>
 *   <li>{@link org.swarmtube.catalog.channel.ChannelLink}: the BEP 46 link
 *       {@code magnet:?xs=urn:btpk:<key>&s=<salt>}.</li>
 *   <li>{@link org.swarmtube.catalog.channel.ChannelProfile},
 *       {@link org.swarmtube.catalog.channel.CatalogEntry},
 *       {@link org.swarmtube.catalog.channel.Jpeg}: what a catalog says.</li>
 *   <li>{@link org.swarmtube.catalog.channel.SignedCatalog}: one signed version, and the next
 *       version made from it; {@link org.swarmtube.catalog.channel.Seq}: which version is newer.</li>
 *   <li>{@link org.swarmtube.catalog.channel.CatalogLayout},
 *       {@link org.swarmtube.catalog.channel.CatalogDirectory}: the catalog as torrent files,
 *       verified on every load; {@link org.swarmtube.catalog.channel.CatalogLimits}: the limits.</li>
 * </ul>
 *
 * <p>Trust: everything read by {@code CatalogLayout} may come from a hostile peer. Limits are
 * applied before parsing, one signature (on the head) and SHA-256 hashes cover every byte, and
 * every refusal is a {@link org.swarmtube.catalog.channel.CatalogException} with a sentence. The
 * catalog code does not log refusals itself: the caller knows where the catalog came from (which
 * peer, DHT, a file) and logs the reason with that context.
 */
package org.swarmtube.catalog.channel;
