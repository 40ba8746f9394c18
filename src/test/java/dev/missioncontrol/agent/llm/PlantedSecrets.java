package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import java.util.List;

/** Secrets planted in every input a session has: the prompt, its context, its logs, a deploy and a follow-up. */
final class PlantedSecrets {
    static final String GITHUB_PAT = "github_pat_11ABCDEFG0abcdefghijkl_MNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz01234";
    static final String PROMPT_AWS = "PromptAwsSecret/abcdefghij0123456789KLMN";
    static final String CONTEXT_AWS = "CtxAwsSecret+abcdefghij0123456789KLMNOPQ";
    static final String CONTEXT_DB_PASS = "ctx db pass phrase";
    static final String LOG_AWS = "LogAwsSecret0abcdefghij/klmnopqrstuvwxyzA";
    static final String LETTERS_BEARER = "abcdefghijklmnopqrstuvwxyzABCDEF";
    static final String REDIS_PW = "RedisPw0rd";
    static final String PEM_LINE_1 = "MIIEowIBAAKCAQEA7bq98Xc9mUK4Fz2hG5b1eTqU0ZPzQx9c7n3mYvA1kz0fYtQ1";
    static final String PEM_LINE_2 = "Jq3vLm0sXk8pW2rY6tN4uB1cZ9dH7gF5eA3oI0aS2dF4gH6jK8lZ0xC2vB4nM6q";
    static final String PEM_LAST = "kZ9dH7gF5eA3oI0a==";
    static final String COMMIT_PW = "DeployPw0rd!";
    static final String META_AWS = "MetaAwsSecret/abcdefghij0123456789KLMNOP";
    static final String META_DB_PASS = "meta db pass";
    static final String META_COOKIE = "MetaSessionCookie";
    static final String FOLLOW_UP_PHRASE = "FollowUpPhrase99";

    static final List<String> ALL = List.of(GITHUB_PAT, PROMPT_AWS, CONTEXT_AWS, CONTEXT_DB_PASS, LOG_AWS,
            LETTERS_BEARER, REDIS_PW, PEM_LINE_1, PEM_LINE_2, PEM_LAST, COMMIT_PW, META_AWS, META_DB_PASS,
            META_COOKIE, FOLLOW_UP_PHRASE);

    private PlantedSecrets() {
    }

    static String session() {
        ObjectNode body = Json.object().put("prompt", "Checkout fails since 10:00. CI used " + GITHUB_PAT
                + " and aws_secret_access_key=" + PROMPT_AWS);
        body.putObject("context").put("service", "payments").put("AWS_SECRET_ACCESS_KEY", CONTEXT_AWS)
                .put("db_pass", CONTEXT_DB_PASS).put("logs", logs());
        return Json.write(body);
    }

    private static String logs() {
        return String.join("\n",
                "2026-01-01T10:00:00Z INFO api - boot with aws_secret_access_key=" + LOG_AWS,
                "2026-01-01T10:00:01Z WARN api - upstream refused Bearer " + LETTERS_BEARER,
                "2026-01-01T10:00:02Z INFO api - cache at redis://:" + REDIS_PW + "@cache.internal:6379/0",
                "2026-01-01T10:00:03Z INFO api - loaded signing key",
                "-----BEGIN RSA PRIVATE KEY-----", PEM_LINE_1, PEM_LINE_2, PEM_LAST,
                "-----END RSA PRIVATE KEY-----",
                "2026-01-01T10:00:04Z ERROR api - payment failed: timeout after 30s",
                "2026-01-01T10:00:05Z ERROR api - payment failed: timeout after 31s");
    }

    static String deployment() {
        ObjectNode body = Json.object().put("deployment_request", "Deploy payments 1.2.0")
                .put("repository_full_name", "acme/payments").put("status", "success")
                .put("commit_sha", "3f2a9c1d").put("commit_message", "Rotate creds (password: \"" + COMMIT_PW + "\")");
        body.putObject("event_metadata").put("AWS_SECRET_ACCESS_KEY", META_AWS).put("DB_PASS", META_DB_PASS)
                .put("cookie", "session=" + META_COOKIE);
        return Json.write(body);
    }

    static String followUp() {
        return Json.write(Json.object().put("content", "the config also had passphrase: " + FOLLOW_UP_PHRASE));
    }
}
