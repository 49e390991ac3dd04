import java.nio.charset.StandardCharsets;
import java.nio.file.spi.FileSystemProvider;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Run by {@code packaging/build} on the jlinked runtime with the app's class path: fails when a
 * module the app reaches only through a service provider or reflection is missing, which jdeps
 * cannot see. Not part of the app.
 */
public final class RuntimeCheck {
    public static void main(String[] args) throws Exception {
        // channel identities: Ed25519 from the SunEC provider (module jdk.crypto.ec)
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "swarmtube".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        require(verifier.verify(signature), "an Ed25519 signature does not verify");

        // the catalog store: H2 through java.sql
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:check");
                ResultSet r = c.createStatement().executeQuery("SELECT 1")) {
            require(r.next() && r.getInt(1) == 1, "H2 answered nothing");
        }

        // JavaFX comes from the runtime image (named modules), not from a jar
        Module fx = Class.forName("javafx.application.Platform").getModule();
        require(fx.isNamed() && fx.getLayer() == ModuleLayer.boot(), "JavaFX is not in the runtime image");

        require(FileSystemProvider.installedProviders().stream().anyMatch(p -> p.getScheme().equals("jar")),
                "no zip file system (jdk.zipfs)");
        System.out.println("runtime check: Ed25519, H2, JavaFX modules, zip file system: ok");
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            System.err.println("runtime check failed: " + failure);
            System.exit(1);
        }
    }
}
