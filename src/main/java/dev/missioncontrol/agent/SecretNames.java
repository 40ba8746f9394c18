package dev.missioncontrol.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a name (a JSON field, an environment variable, a header, the key of a log's key=value) says its value is a
 * secret. The name is split into words at _ - . and camelCase, and its last word decides: the words before it say
 * whose secret it is (DB_PASS, aws_secret_access_key, X-Amz-Signature), while a word after it says the value is only
 * about the secret (session_id, token_count, password_updated_at), which an analyst needs to read.
 */
final class SecretNames {
    /** Last words that name a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "pw", "passphrase", "secret",
            "token", "apikey", "credential", "credentials", "cookie", "authorization", "session", "signature", "sig",
            "secrets", "passwords", "auth",
            // the same word in the languages logs are most often written in besides English
            "passwort", "kennwort", "пароль", "contraseña", "contrasena", "senha", "wachtwoord", "hasło", "haslo",
            "lösenord", "salasana", "parola", "密码", "密碼", "パスワード", "비밀번호");
    /**
     * A last word "key" names a secret when the word before it says which kind: api_key, secret_access_key, Azure's
     * Ocp-Apim-Subscription-Key and x-functions-key, New Relic's license_key.
     */
    private static final Set<String> SECRET_KEY_KINDS = Set.of("api", "access", "private", "secret", "signing",
            "encryption", "ssh", "account", "master", "subscription", "function", "functions", "license", "licence");
    /** Words run together without a separator (PGPASSWORD, csrftoken, dbpass) still end in one of these. */
    private static final List<String> SECRET_ENDINGS = List.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "accesskey", "privatekey", "secretkey", "cookie", "credential", "credentials", "signature",
            "pass", "passwords", "secrets");
    /** Everyday words that end like a secret word; "pass" alone is a test result more often than a password. */
    private static final Set<String> ORDINARY = Set.of("pass", "bypass", "compass", "surpass", "trespass");
    private static final Pattern WORD_BREAK = Pattern.compile(
            "[^\\p{L}\\p{N}]+|(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");
    /**
     * An environment variable's name: upper-case words. One ending in KEY holds a secret (STRIPE_KEY, SENDGRID_KEY)
     * far more often than not, where a key in a log's prose (cache key, sort key) is an id.
     */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEY");

    /** What a test run's "pass" counts or says: a number, a share, or a verdict word. */
    private static final Pattern TEST_RESULT = Pattern.compile(
            "(?i)[\\d.,]+%?|true|false|yes|no|ok|pass(?:ed)?|fail(?:ed)?|none|null|n/a");

    private SecretNames() {
    }

    /**
     * Whether the value after a bare {@code pass=} is a password: "pass" alone is a test result ({@code pass=12
     * fail=0}) as often as a login's password ({@code user=ops pass=Relay!Pw2026}), so the value decides; a count or a
     * verdict word stays readable, a value that looks generated is masked.
     */
    static boolean passwordAfterPass(String value) {
        return !TEST_RESULT.matcher(value).matches() && Redactor.generated(value);
    }

    /**
     * Whether a query's {@code code=} value is an OAuth authorization code: sixteen characters or more (providers issue
     * 20 to a few hundred), not all digits, where an HTTP status or an error code is shorter or a number.
     */
    static boolean authorizationCode(String value) {
        return value.length() >= 16 && !value.chars().allMatch(Character::isDigit);
    }

    static boolean named(String name) {
        List<String> words = Arrays.stream(WORD_BREAK.split(name)).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            return false;
        }
        String last = words.getLast();
        if (last.equals("key")) {
            return words.size() > 1 && SECRET_KEY_KINDS.contains(words.get(words.size() - 2))
                    || ENV_NAME.matcher(name).matches();
        }
        if (last.equals("base") && words.size() > 2) {
            return words.get(words.size() - 2).equals("key") && SECRET_KEY_KINDS.contains(words.get(words.size() - 3));
        }
        if (last.equals("pass")) {
            return words.size() > 1; // DB_PASS, redis.pass
        }
        return SECRET_WORDS.contains(last)
                || !ORDINARY.contains(last) && SECRET_ENDINGS.stream().anyMatch(last::endsWith);
    }
}
