package dev.missioncontrol.orgs;

import dev.missioncontrol.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The key format {@code mc_<keyid>_<secret><checksum>} from API.md. The checksum lets the server reject typos and
 * garbage before any database lookup, and lets secret scanners recognise our keys.
 */
public final class ApiKeyFormat {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile("mc_([0-9A-Za-z]{8})_([0-9A-Za-z]{32})([0-9A-Za-z]{6})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key split into its public id and its secret. */
    public record ParsedKey(String keyId, String secret) {
    }

    private ApiKeyFormat() {
    }

    public static String newKeyId() {
        return randomBase62(8);
    }

    /** A full key for the given id; the caller stores only {@link #digest} of the secret. */
    public static String newKey(String keyId) {
        String body = "mc_" + keyId + "_" + randomBase62(32);
        return body + checksum(body);
    }

    public static Optional<ParsedKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(key);
        if (!m.matches() || !checksum(key.substring(0, key.length() - 6)).equals(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(m.group(1), m.group(2)));
    }

    /** Whether a well-formed key, checksum included, appears anywhere in {@code text}, such as a URL's query. */
    public static boolean appearsIn(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = SHAPE.matcher(text);
        while (m.find()) {
            if (parse(m.group()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** SHA-256 of the secret, hex. The secret has 190 bits of entropy, so a fast hash is enough. */
    public static String digest(String secret) {
        return Sha256.hex(secret);
    }

    public static boolean digestMatches(String secret, String storedDigest) {
        return MessageDigest.isEqual(digest(secret).getBytes(StandardCharsets.US_ASCII),
                storedDigest.getBytes(StandardCharsets.US_ASCII));
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6);
    }

    private static String randomBase62(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String base62(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
