package dev.missioncontrol.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities a CLI trusts for a self-hosted server: the JDK's own, plus those of a PEM file
 * ({@code --ca-cert} / {@code MC_CA_CERT}) for a server whose certificate an internal CA signed, which no JDK
 * trusts and which a CI runner cannot easily add to the JDK's store. A self-signed server certificate in the file
 * is trusted as its own authority. Host names are still checked against the certificate.
 */
final class TrustedCa {
    private TrustedCa() {
    }

    /** A TLS context trusting the JDK's authorities and every certificate in {@code pem}. */
    static SSLContext with(Path pem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate jdk : jdkAuthorities().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jdk-" + n++, jdk);
            }
            n = 0;
            for (Certificate own : certificates(pem)) {
                trusted.setCertificateEntry("ca-cert-" + n++, own);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new ClientException("--ca-cert (MC_CA_CERT) " + pem + " could not be used: " + e.getMessage());
        }
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException {
        if (!Files.isRegularFile(pem)) {
            throw new ClientException("--ca-cert (MC_CA_CERT) " + pem + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new ClientException("--ca-cert (MC_CA_CERT) " + pem + " holds no certificate");
            }
            return read;
        } catch (java.security.cert.CertificateException e) {
            throw new ClientException("--ca-cert (MC_CA_CERT) " + pem + " holds no PEM certificate this client can "
                    + "read (" + e.getMessage() + ")");
        }
    }

    private static X509TrustManager jdkAuthorities() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }

    /**
     * What a failed TLS handshake means for the person at the terminal, rather than the JDK's "PKIX path building
     * failed": a certificate no trusted authority signed, or one that names another host. Not worth trying again,
     * unlike a network failure.
     */
    static ClientException refusal(String base, SSLHandshakeException e) {
        String why = String.valueOf(e.getMessage());
        if (why.contains("PKIX") || why.contains("certification path")) {
            return new ClientException("the TLS certificate of " + base + " is not signed by an authority this client "
                    + "trusts: pass the PEM file of the CA that signed it (or the server's own certificate) with "
                    + "--ca-cert or MC_CA_CERT");
        }
        if (why.contains("subject alternative") || why.contains("No name matching")) {
            return new ClientException("the TLS certificate of " + base + " does not name that host (" + why
                    + "): use the host name the certificate was issued for in --url (MC_URL)");
        }
        return new ClientException("the TLS handshake with " + base + " failed: " + why);
    }
}
