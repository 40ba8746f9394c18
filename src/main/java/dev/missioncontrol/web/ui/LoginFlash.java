package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.store.Json;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the settings page shows once after a form that redirected to it (post, redirect, get: a reload never posts the
 * form again): a message, and a new API key or webhook signing secret, which must never sit in a URL. It is kept on
 * the login in the database, so any node of a cluster can show it, sealed (AES-GCM) with a key derived from the
 * login's cookie token: the table holds only that token's digest, so a copy of it cannot read a key that was never
 * shown.
 */
final class LoginFlash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final byte[] PURPOSE = "mission-control login flash v1".getBytes(StandardCharsets.UTF_8);

    /** What is shown; the key and the secret are null when there is none. */
    record Shown(String message, String apiKey, String webhookSecret) {
    }

    private final WebSessionStore logins;

    LoginFlash(WebSessionStore logins) {
        this.logins = logins;
    }

    /** Keeps {@code shown} for this login's next page. */
    void keep(Context ctx, Shown shown) {
        String token = SessionCookie.read(ctx);
        logins.putFlash(token, seal(token, Json.write(shown)));
    }

    /** What this login's page shows once, removed as it is read. */
    Optional<Shown> take(Context ctx) {
        String token = SessionCookie.read(ctx);
        return logins.takeFlash(token).flatMap(sealed -> open(token, sealed)).flatMap(LoginFlash::read);
    }

    private static String seal(String token, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, token, nonce).doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Empty when the text was not sealed for this token: nothing is shown rather than something wrong. */
    private static Optional<String> open(String token, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            byte[] text = cipher(Cipher.DECRYPT_MODE, token, nonce).doFinal(bytes, NONCE_BYTES,
                    bytes.length - NONCE_BYTES);
            return Optional.of(new String(text, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String token, byte[] nonce) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(PURPOSE), "AES"), new GCMParameterSpec(128, nonce));
        return cipher;
    }

    private static Optional<Shown> read(String json) {
        try {
            return Optional.of(Json.MAPPER.readValue(json, Shown.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
