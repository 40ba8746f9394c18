package dev.missioncontrol.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs generic webhook deliveries: {@code X-MissionControl-Signature: sha256=<hex>}, an HMAC-SHA256 over
 * {@code <timestamp>.<body>} with the webhook's secret, where the timestamp (epoch seconds) is sent in
 * {@code X-MissionControl-Timestamp}. Signing the timestamp lets receivers refuse replays of old deliveries.
 */
public final class Signature {
    public static final String HEADER = "X-MissionControl-Signature";
    public static final String TIMESTAMP_HEADER = "X-MissionControl-Timestamp";

    private Signature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }
}
