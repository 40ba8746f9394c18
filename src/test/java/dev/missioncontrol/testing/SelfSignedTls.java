package dev.missioncontrol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server certificate for {@code localhost} that no authority signed, made by the JDK's keytool: what a server
 * behind an internal CA looks like to a client that trusts only the JDK's authorities.
 *
 * @param pem the certificate to trust, as a PEM file: the server's own, or the CA's that signed it
 */
public record SelfSignedTls(Path keystore, Path pem) {
    private static final String PASSWORD = "changeit";

    /** Makes the key pair and certificate in {@code dir}, valid from now for two days. */
    public static SelfSignedTls in(Path dir) throws IOException, InterruptedException {
        return made(dir, "server", "+0d");
    }

    /**
     * A server certificate valid for two days a month ago, signed by a CA of its own: {@link #pem} is the CA's, so a
     * client trusting it still finds the server's certificate expired. (A trusted certificate's own dates are never
     * checked, so an expired self-signed one would pass.)
     */
    public static SelfSignedTls expiredUnderCa(Path dir) throws IOException, InterruptedException {
        SelfSignedTls ca = made(dir, "ca", "+0d", "CN=Test CA", "bc:c");
        Path keystore = dir.resolve("expired.p12");
        Path csr = dir.resolve("expired.csr");
        Path signed = dir.resolve("expired.crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-file",
                csr.toString());
        keytool("-gencert", "-alias", "server", "-keystore", ca.keystore().toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc", "-ext", "SAN=dns:localhost",
                "-startdate", "-30d", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.pem().toString(), "-keystore",
                keystore.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", keystore.toString(),
                "-storepass", PASSWORD);
        return new SelfSignedTls(keystore, ca.pem());
    }

    private static SelfSignedTls made(Path dir, String name, String start) throws IOException, InterruptedException {
        return made(dir, name, start, "CN=localhost", "SAN=dns:localhost");
    }

    private static SelfSignedTls made(Path dir, String name, String start, String subject, String extension)
            throws IOException, InterruptedException {
        Path keystore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", subject,
                "-ext", extension, "-startdate", start, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new SelfSignedTls(keystore, pem);
    }

    /** The TLS context a server presenting this certificate uses. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
