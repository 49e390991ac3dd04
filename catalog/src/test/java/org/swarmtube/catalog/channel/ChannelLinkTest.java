package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The BEP 46 channel link. */
class ChannelLinkTest {
    private static final String KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void formatsAndParsesTheBep46Form() {
        ChannelLink link = new ChannelLink(KEY, "73776172", List.of("192.168.1.5:6881", "[::1]:6882"));
        assertThat(link.toUri()).isEqualTo("magnet:?xs=urn:btpk:" + KEY + "&s=73776172"
                + "&x.pe=192.168.1.5:6881&x.pe=[::1]:6882");
        assertThat(ChannelLink.parse(link.toUri())).isEqualTo(link);
        assertThat(ChannelLink.parse(" magnet:?xs=urn:btpk:" + KEY.toUpperCase() + "&s=73776172&dn=ignored\n"))
                .isEqualTo(link.withoutPeers());
        assertThat(ChannelLink.parse("magnet:?xs=urn%3Abtpk%3A" + KEY + "&x.pe=%5B%3A%3A1%5D%3A6882").peers())
                .containsExactly("[::1]:6882");
    }

    @Test
    void saltIsOptionalAndBytesRoundTrip() {
        Identity id = Identity.generate();
        ChannelLink link = ChannelLink.of(id.publicKey(), new byte[0]);
        assertThat(link.toUri()).isEqualTo("magnet:?xs=urn:btpk:" + id.publicKeyHex());
        assertThat(ChannelLink.parse(link.toUri()).publicKey()).isEqualTo(id.publicKey());
        assertThat(ChannelLink.parse(link.toUri()).salt()).isEmpty();
        assertThat(ChannelLink.of(id.publicKey(), new byte[] {1, 2}).withPeer("host.example:1").toUri())
                .endsWith("&s=0102&x.pe=host.example:1");
    }

    @Test
    void malformedLinksAreRefusedWithASentence() {
        String base = "magnet:?xs=urn:btpk:" + KEY;
        assertRefused(null, "the channel link is empty");
        assertRefused("   ", "the channel link is empty");
        assertRefused("https://example.com/channel", "must start with 'magnet:?xs=urn:btpk:'");
        assertRefused("magnet:?xt=urn:btih:" + "a".repeat(40), "this is a video link");
        assertRefused("magnet:?dn=nothing", "no 'xs=urn:btpk:' public key");
        assertRefused("magnet:?xs=urn:btpk:abcd", "is not 64 hex digits");
        assertRefused("magnet:?xs=urn:btpk:" + "g".repeat(64), "is not 64 hex digits");
        assertRefused("magnet:?xs=urn:sha1:" + KEY, "'xs' must be 'urn:btpk:'");
        assertRefused(base + "&xs=urn:btpk:" + KEY, "two public keys");
        assertRefused(base + "&s=abc", "even number of hex digits");
        assertRefused(base + "&s=zz", "even number of hex digits");
        assertRefused(base + "&s=" + "00".repeat(65), "longer than 64 bytes");
        assertRefused(base + "&s=00&s=01", "two salts");
        assertRefused(base + "&x.pe=host", "is not host:port");
        assertRefused(base + "&x.pe=host:0", "port between 1 and 65535");
        assertRefused(base + "&x.pe=host:70000", "port between 1 and 65535");
        assertRefused(base + "&x.pe=::1:6881", "IPv6 address goes in brackets");
        assertRefused(base + "&x.pe=bad%20host:1", "no valid host");
        assertRefused(base + "&s=%zz", "bad %-escape");
        assertRefused(base + "&novalue", "has no value");
        assertRefused("magnet:?xs=urn:btpk:" + KEY + "&x=" + "a".repeat(9000), "too long");
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> ChannelLink.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
