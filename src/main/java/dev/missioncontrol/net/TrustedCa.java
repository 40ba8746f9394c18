package dev.missioncontrol.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities trusted over TLS: the JDK's own, plus those of a PEM file ({@code --ca-cert} /
 * {@code MC_CA_CERT}) for servers whose certificates an internal CA signed, which no JDK trusts: the self-hosted
 * server the CLI calls from a CI runner, and the Prometheus, webhook receivers and LLM gateway the server calls. A
 * self-signed certificate in the file is trusted as its own authority. Host names are still checked. The JDK's
 * {@code javax.net.ssl.trustStore} would replace its authorities rather than add to them, and Slack's certificate
 * would then be refused.
 */
public final class TrustedCa {
    private TrustedCa() {
    }

    /**
     * Makes {@link #with}({@code pem}) the process's default TLS context, which the server's outbound clients take
     * ({@link OutboundHttp}, the LLM providers' client): one trust for every call a server makes.
     */
    public static void install(Path pem) {
        SSLContext.setDefault(with(pem));
    }

    /** A TLS context trusting the JDK's authorities and every certificate in {@code pem}. */
    public static SSLContext with(Path pem) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trusting(pem)}, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new UnusableCaCert(pem + " could not be used: " + e.getMessage());
        }
    }

    /** The JDK's authorities and every certificate in {@code pem}, as one trust manager. */
    static X509TrustManager trusting(Path pem) {
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
            return x509(tmf);
        } catch (GeneralSecurityException | IOException e) {
            throw new UnusableCaCert(pem + " could not be used: " + e.getMessage());
        }
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException {
        if (!Files.isRegularFile(pem)) {
            throw new UnusableCaCert(pem + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new UnusableCaCert(pem + " holds no certificate");
            }
            return read;
        } catch (java.security.cert.CertificateException e) {
            throw new UnusableCaCert(pem + (Files.readString(pem).contains("PRIVATE KEY") ? " holds a private key, "
                    + "not the certificate of the CA to trust" : " holds no PEM certificate that can be read ("
                    + e.getMessage() + ")"));
        }
    }

    static X509TrustManager jdkAuthorities() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return x509(tmf);
    }

    private static X509TrustManager x509(TrustManagerFactory tmf) throws GeneralSecurityException {
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }

    /**
     * Whether the handshake failed on a certificate's dates rather than on who signed it: the JDK words both as "PKIX
     * path validation failed", and the advice differs.
     */
    static boolean outOfDate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException v && (v.getReason() == BasicReason.EXPIRED
                    || v.getReason() == BasicReason.NOT_YET_VALID)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the handshake failed because no trusted authority signed the certificate (its dates are another case). */
    static boolean unsigned(Throwable failure) {
        String why = String.valueOf(failure.getMessage());
        return !outOfDate(failure) && (why.contains("PKIX") || why.contains("certification path"));
    }

    /** A PEM file that cannot be trusted from: missing, unreadable, or holding no certificate. */
    public static final class UnusableCaCert extends RuntimeException {
        private final String reason;

        UnusableCaCert(String reason) {
            super("--ca-cert (MC_CA_CERT) " + reason);
            this.reason = reason;
        }

        /** What is wrong with the file, without the setting's name. */
        public String reason() {
            return reason;
        }
    }

    /**
     * What a failed TLS handshake with {@code base} means, rather than the JDK's "PKIX path building failed": a
     * certificate no trusted authority signed, or one that names another host. Not worth trying again, unlike a
     * network failure.
     *
     * @param hostSetting where the host name was configured, named in the advice, such as {@code --url (MC_URL)}
     */
    public static String refusal(String base, SSLHandshakeException e, String hostSetting) {
        String why = String.valueOf(e.getMessage());
        if (outOfDate(e)) {
            return "the TLS certificate of " + base + " has expired or is not valid yet: the server needs a certificate "
                    + "valid today (trusting its CA again changes nothing)";
        }
        if (unsigned(e)) {
            return "the TLS certificate of " + base + " is not signed by an authority trusted here: pass the PEM file "
                    + "of the CA that signed it (or the server's own certificate) with --ca-cert or MC_CA_CERT";
        }
        if (why.contains("subject alternative") || why.contains("No name matching")) {
            return "the TLS certificate of " + base + " does not name that host (" + why + "): use the host name "
                    + "the certificate was issued for in " + hostSetting;
        }
        return "the TLS handshake with " + base + " failed: " + why;
    }
}
