package org.swarmtube.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.swarmtube.swarm.SwarmEngineLoopbackTest.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.channel.Identity;

/** BEP 44/46 pointers on a loopback DHT of eight libtorrent sessions. */
class ChannelPointerDhtTest {
    private static final byte[] SALT = "swarmtube".getBytes(StandardCharsets.UTF_8);
    private static final String IH1 = "0123456789abcdef0123456789abcdef01234567";
    private static final String IH2 = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;
    private final List<SwarmEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(SwarmEngine::close);
    }

    private List<SwarmEngine> dht(int size) throws InterruptedException {
        SwarmEngine first = SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("n0"), List.of()));
        engines.add(first);
        List<HostPort> viaFirst = List.of(new HostPort("127.0.0.1", first.listenPort()));
        for (int i = 1; i < size; i++) engines.add(SwarmEngine.start(SwarmConfig.loopback(tmp.resolve("n" + i), viaFirst)));
        waitFor(Duration.ofSeconds(60), () -> engines.stream().allMatch(e -> e.dhtNodes() >= 2));
        return engines;
    }

    @Test
    void aPointerPutByTheCreatorIsFoundByOthersAndANewerSeqWins() throws Exception {
        List<SwarmEngine> nodes = dht(8);
        Identity creator = Identity.generate();
        ChannelPointer first = ChannelPointer.sign(creator, SALT, 1, IH1);
        assertThat(nodes.get(0).putChannelPointer(first)).isGreaterThanOrEqualTo(3);
        Optional<ChannelPointer> found = nodes.get(5).getChannelPointer(creator.publicKey(), SALT, Duration.ofSeconds(20));
        assertThat(found).contains(first);
        assertThat(found.get().catalogInfohash()).contains(IH1);

        ChannelPointer second = ChannelPointer.sign(creator, SALT, 2, IH2);
        assertThat(nodes.get(0).putChannelPointer(second)).isGreaterThanOrEqualTo(3);
        assertThat(nodes.get(7).getChannelPointer(creator.publicKey(), SALT, Duration.ofSeconds(20)))
                .map(ChannelPointer::catalogInfohash).contains(Optional.of(IH2));
        // an older pointer stored again changes nothing: nodes keep the highest seq
        nodes.get(3).putChannelPointer(first);
        assertThat(nodes.get(6).getChannelPointer(creator.publicKey(), SALT, Duration.ofSeconds(20)))
                .map(ChannelPointer::seq).contains(2L);
    }

    @Test
    void aSubscriberStoresTheCreatorsPointerWithoutTheKeyAndItOutlivesTheCreator() throws Exception {
        List<SwarmEngine> nodes = dht(8);
        Identity creator = Identity.generate();
        ChannelPointer pointer = ChannelPointer.sign(creator, SALT, 7, IH1);
        // the creator's node stores it; a subscriber fetches it and stores it again
        nodes.get(1).putChannelPointer(pointer);
        ChannelPointer held = nodes.get(2).getChannelPointer(creator.publicKey(), SALT, Duration.ofSeconds(20)).orElseThrow();
        nodes.get(1).close();
        assertThat(nodes.get(2).putChannelPointer(held)).isGreaterThanOrEqualTo(3);
        assertThat(nodes.get(4).getChannelPointer(creator.publicKey(), SALT, Duration.ofSeconds(20))).contains(pointer);
    }

    @Test
    void nothingIsFoundForAnUnknownChannelAndATamperedPointerIsRefused() throws Exception {
        List<SwarmEngine> nodes = dht(4);
        Identity nobody = Identity.generate();
        assertThat(nodes.get(1).getChannelPointer(nobody.publicKey(), SALT, Duration.ofSeconds(5))).isEmpty();

        ChannelPointer genuine = ChannelPointer.sign(nobody, SALT, 3, IH1);
        ChannelPointer forged = new ChannelPointer(genuine.publicKey(), SALT, 4, genuine.value(), genuine.signature());
        assertThat(forged.verify()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nodes.get(0).putChannelPointer(forged))
                .isInstanceOf(SwarmException.class).hasMessageContaining("signature");
    }
}
