package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @Test
    void masks_bearer_tokens_but_keeps_the_scheme() {
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi.abc123def456.zzz999yyy"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(Redactor.redact("upstream refused Bearer abcdefghijklmnopqrstuvwxyzABCDEF"))
                .isEqualTo("upstream refused Bearer [REDACTED]");
        assertThat(Redactor.redact("retry with Basic dXNlcjpwYXNz")).isEqualTo("retry with Basic [REDACTED]");
    }

    @Test
    void masks_a_password_in_rubys_and_logstashs_arrow_hashes() {
        assertThat(Redactor.redact("Parameters: {\"user\"=>\"ann\", \"password\"=>\"Secret123x\"}"))
                .isEqualTo("Parameters: {\"user\"=>\"ann\", \"password\"=>\"[REDACTED]\"}");
        assertThat(Redactor.redact("    \"password\" => \"Secret123x\",")).isEqualTo("    \"password\" => \"[REDACTED]\",");
        assertThat(Redactor.redact("{:user => \"ann\", :password => \"Rub9yPass1\"}"))
                .isEqualTo("{:user => \"ann\", :password => \"[REDACTED]\"}");
        assertThat(Redactor.redact("password => Secret123x")).isEqualTo("password => [REDACTED]");
    }

    @Test
    void masks_oracles_user_slash_password_and_an_xml_key_value_pair() {
        assertThat(Redactor.redact("url=jdbc:oracle:thin:scott/T1gerPass99@dbhost:1521:orcl"))
                .isEqualTo("url=jdbc:oracle:thin:scott/[REDACTED]@dbhost:1521:orcl");
        assertThat(Redactor.redact("$ sqlplus -s scott/T1gerPass99@//dbhost:1521/orcl @report.sql"))
                .isEqualTo("$ sqlplus -s scott/[REDACTED]@//dbhost:1521/orcl @report.sql");
        assertThat(Redactor.redact("<add key=\"DbPassword\" value=\"Secret123x\"/>"))
                .isEqualTo("<add key=\"DbPassword\" value=\"[REDACTED]\"/>");
        assertThat(Redactor.redact("<add key=\"Region\" value=\"eu-west-1\"/>"))
                .isEqualTo("<add key=\"Region\" value=\"eu-west-1\"/>");
        assertThat(Redactor.redact("pulled library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
                + " and npm i @babel/core@7.24.0")).as("an image digest and a scoped package are no logins")
                .doesNotContain("[REDACTED]");
    }

    @Test
    void masks_the_password_in_a_url_and_keeps_user_and_host() {
        assertThat(Redactor.redact("connecting to postgresql://app:s3cr3t-pw@db.internal:5432/orders"))
                .isEqualTo("connecting to postgresql://app:[REDACTED]@db.internal:5432/orders");
    }

    @Test
    void masks_url_passwords_with_an_empty_user_or_holding_at_signs_and_slashes() {
        assertThat(Redactor.redact("cache at redis://:pw0rd@cache.internal:6379/0"))
                .isEqualTo("cache at redis://:[REDACTED]@cache.internal:6379/0");
        assertThat(Redactor.redact("amqp://app:p@ss/w0rd@mq.internal/vhost"))
                .isEqualTo("amqp://app:[REDACTED]@mq.internal/vhost");
        assertThat(Redactor.redact("https://bot:tok3n@api.internal/notify?to=ops@example.com"))
                .isEqualTo("https://bot:[REDACTED]@api.internal/notify?to=ops@example.com");
    }

    @Test
    void masks_key_value_secrets_in_text_and_json() {
        assertThat(Redactor.redact("login failed password=hunter22 user=bob"))
                .isEqualTo("login failed password=[REDACTED] user=bob");
        assertThat(Redactor.redact("{\"api_key\": \"abcd1234efgh\", \"user\": \"bob\"}"))
                .isEqualTo("{\"api_key\": \"[REDACTED]\", \"user\": \"bob\"}");
        assertThat(Redactor.redact("commit \"password: \\\"x1\\\"\" done"))
                .isEqualTo("commit \"password: \\\"[REDACTED]\\\"\" done");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "SecretAccessKey: wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "db_pass: wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "DB_PASS=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "PGPASS=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "PGPASSWORD=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "passphrase: wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "client_secret=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "X-Amz-Signature=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "se=2026-01-01&sig=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "session=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "ldap bind dn=cn=admin pw=wJalrXUtnFEMIK7MDENGbPxRfiCYzz",
            "DB_PW=wJalrXUtnFEMIK7MDENGbPxRfiCYzz"})
    void masks_the_values_of_names_that_say_secret(String line) {
        assertThat(Redactor.redact(line)).doesNotContain("wJalrXUtnFEMIK7MDENGbPxRfiCYzz").endsWith("[REDACTED]");
    }

    @Test
    void leaves_the_punctuation_after_a_secret_to_the_text() {
        assertThat(Redactor.redact("login failed: password=Hunter2Pw9, retrying")).isEqualTo(
                "login failed: password=[REDACTED], retrying");
        assertThat(Redactor.redact("auth(token=Tok3nValue9). Giving up.")).isEqualTo(
                "auth(token=[REDACTED]). Giving up.");
        assertThat(Redactor.redact("{password: Hunter2Pw9}")).isEqualTo("{password: [REDACTED]}");
        assertThat(Redactor.redact("then Hunter2Pw9 again; password=Hunter2Pw9.")).doesNotContain("Hunter2Pw9");
    }

    @Test
    void masks_a_password_holding_a_semicolon_whole() {
        assertThat(Redactor.redact("password=ab;cd next")).isEqualTo("password=[REDACTED] next");
    }

    /** Logfmt writes a header as one key: the scheme is the value's word, the credential the word after it. */
    @Test
    void masks_the_credential_after_a_scheme_in_an_unquoted_authorization_value() {
        assertThat(Redactor.redact("level=info authorization=Bearer 9f8e7d6c5b4a39281706abcd path=/pay"))
                .isEqualTo("level=info authorization=Bearer [REDACTED] path=/pay");
        assertThat(Redactor.redact("auth=Bearer 9f8e7d6c5b4a39281706abcd")).isEqualTo("auth=Bearer [REDACTED]");
        assertThat(Redactor.redact("Authorization=Basic dXNlcjpwYXNzd29yZA==")).isEqualTo(
                "Authorization=Basic [REDACTED]");
        assertThat(Redactor.redact("proxy_authorization=token ghs_x1")).isEqualTo(
                "proxy_authorization=token [REDACTED]");
    }

    @Test
    void masks_cookie_and_authorization_headers_to_the_end_of_the_line() {
        assertThat(Redactor.redact("Cookie: session=abc; theme=dark\nnext")).isEqualTo("Cookie: [REDACTED]\nnext");
        assertThat(Redactor.redact("Authorization: Digest username=\"bob\", nonce=\"n1\", response=\"6629fae4\""))
                .isEqualTo("Authorization: Digest [REDACTED]");
        assertThat(Redactor.redact("Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_"
                + "request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027d0"))
                .isEqualTo("Authorization: AWS4-HMAC-SHA256 [REDACTED]");
        assertThat(Redactor.redact("Signature=fe5f80f77d5fa3beca038a248ff027d0 ok"))
                .isEqualTo("Signature=[REDACTED] ok");
    }

    @Test
    void masks_secrets_recognisable_by_shape() {
        assertThat(Redactor.redact("aws key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("aws key [REDACTED] used");
        assertThat(Redactor.redact("token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked"))
                .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(Redactor.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
                .isEqualTo("[REDACTED]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "github_pat_11ABCDEFG0abcdefghijkl_MNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJK",
            "glpat-abcdefghij0123456789",
            "npm_abcdefghijklmnopqrstuvwxyz0123456789",
            "ya29.a0AfH6SMBabcdefghijklmnop",
            "SG.abcdefghij0123456789.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            "whsec_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycA-_",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.",
            "eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH",
            "pypi-AgEIcHlwaS5vcmcCJGFiY2RlZjAxLTIzNDUtNjc4OS1hYmNkLWVmMDEyMzQ1Njc4OQ",
            "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void masks_token_formats(String token) {
        String out = Redactor.redact("saw " + token + " in the config");
        assertThat(out).contains("[REDACTED]").doesNotContain(token).startsWith("saw ").endsWith(" in the config");
    }

    @Test
    void masks_a_pgp_private_key_block() {
        assertThat(Redactor.redact("-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBF0abc\n=Qk3d\n"
                + "-----END PGP PRIVATE KEY BLOCK-----")).isEqualTo("[REDACTED]");
    }

    @Test
    void masks_what_looks_like_a_key_next_to_a_marker_when_the_other_is_out_of_view() {
        assertThat(Redactor.redact("loaded key\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\nQ2xK==\nnext event here"))
                .isEqualTo("loaded key\n[REDACTED]\n[REDACTED]\n[REDACTED]\nnext event here");
        assertThat(Redactor.redact("2026-01-01T10:00:00Z INFO x\nMHcCAQEEIB\nQ2xK==\n"
                + "-----END OPENSSH PRIVATE KEY-----"))
                .isEqualTo("2026-01-01T10:00:00Z INFO x\n[REDACTED]\n[REDACTED]\n[REDACTED]");
    }

    @Test
    void masks_a_key_split_across_lines_given_apart() {
        assertThat(Redactor.redactLines(List.of("2026-01-01T10:00:03Z INFO api - loaded signing key",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEow", "kZ9d==", "-----END RSA PRIVATE KEY-----", "done")))
                .containsExactly("2026-01-01T10:00:03Z INFO api - loaded signing key", "[REDACTED]", "[REDACTED]",
                        "[REDACTED]", "[REDACTED]", "done");
        assertThat(Redactor.redact("MIIEowIBAAKCAQEA7bq98Xc9mUK4Fz2hG5b1eTqU0ZPzQx9c7n3mYvA1kz0fYtQ1"))
                .isEqualTo("[REDACTED]");
    }

    /** kubectl logs --timestamps, or any logger, puts its prefix on each line of a key it prints. */
    @Test
    void masks_a_key_whose_every_line_carries_a_log_prefix() {
        String body = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";
        String t = "2024-05-01T10:00:01Z INFO ";
        assertThat(Redactor.redact(t + "-----BEGIN RSA PRIVATE KEY-----\n" + t + body + "\n" + t + "kZ9dQ2xKv8Rt0pWm==\n"
                + t + "-----END RSA PRIVATE KEY-----\n" + t + "key loaded"))
                .as("the whole block in one text goes as one").isEqualTo(t + "[REDACTED]\n" + t + "key loaded");
        assertThat(Redactor.redactLines(List.of(t + body, t + "kZ9dQ2xKv8Rt0pWm==", t + "-----END RSA PRIVATE KEY-----")))
                .as("lines before an END whose BEGIN is out of view")
                .containsExactly("[REDACTED]", "[REDACTED]", "[REDACTED]");
        assertThat(Redactor.redactLines(List.of(t + "-----BEGIN OPENSSH PRIVATE KEY-----",
                t + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW")))
                .as("a search hit and its neighbour, the END out of view").containsExactly(t + "[REDACTED]",
                        "[REDACTED]");
        assertThat(Redactor.redact(t + body)).as("one line of a key alone, as a mined template's sample")
                .isEqualTo(t + "[REDACTED]");
        assertThat(Redactor.redact(t + "request 3f2a9c1e-77b0-4c2d-9a51-0e8f6d4b2a10 served"))
                .as("an id in a sentence is no key line").endsWith("served");
        String chunks = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t BOwZkQx9Rt0pWmLk2Jv8sTq4Wn7Y3dHc";
        assertThat(Redactor.redactLines(List.of("-----BEGIN RSA PRIVATE KEY-----", chunks,
                "-----END RSA PRIVATE KEY-----"))).as("a key whose line breaks became spaces goes whole")
                .containsOnly("[REDACTED]");
    }

    @Test
    void words_names_and_paths_after_a_log_prefix_are_no_key() {
        String t = "2024-05-01T10:00:01Z INFO ";
        for (String line : List.of(t + "GET /api/v1/Organizations/AcmeCorp2/Projects/WebShop3/Deployments/Latest",
                t + "Starting applicationController", t + "Loaded configurationProperties")) {
            assertThat(Redactor.redactLines(List.of(line, "-----END RSA PRIVATE KEY-----")).get(0)).isEqualTo(line);
        }
    }

    @Test
    void masks_each_string_of_a_json_tree_and_whole_values_under_secret_names() {
        ObjectNode deploy = Json.object().put("commit_message", "Rotate creds (password: \"Pw0rd!\")")
                .put("session_id", "s-1").put("token_count", 3);
        deploy.putObject("event_metadata").put("AWS_SECRET_ACCESS_KEY", "abc def").put("DB_PASS", "meta db pass")
                .put("cookie", "session=MetaCookie").put("password", (String) null).put("environment", "prod")
                .putObject("credentials").put("user", "bob");
        JsonNode out = Redactor.redact(deploy);
        assertThat(out.get("commit_message").asText()).isEqualTo("Rotate creds (password: \"[REDACTED]\")");
        assertThat(out.get("session_id").asText()).isEqualTo("s-1");
        assertThat(out.get("token_count").asInt()).isEqualTo(3);
        JsonNode meta = out.get("event_metadata");
        assertThat(meta.get("AWS_SECRET_ACCESS_KEY").asText()).isEqualTo("[REDACTED]");
        assertThat(meta.get("DB_PASS").asText()).isEqualTo("[REDACTED]");
        assertThat(meta.get("cookie").asText()).isEqualTo("[REDACTED]");
        assertThat(meta.get("credentials").asText()).isEqualTo("[REDACTED]");
        assertThat(meta.get("password").isNull()).isTrue();
        assertThat(meta.get("environment").asText()).isEqualTo("prod");
        assertThat(deploy.get("event_metadata").get("DB_PASS").asText()).as("the original").isEqualTo("meta db pass");
    }

    @Test
    void masks_a_key_split_across_the_strings_of_a_json_array() {
        ArrayNode lines = Json.MAPPER.createArrayNode().add("boot").add("-----BEGIN RSA PRIVATE KEY-----")
                .add("MIIEow").add("-----END RSA PRIVATE KEY-----").add("ready");
        assertThat(Redactor.redact(lines)).extracting(JsonNode::asText)
                .containsExactly("boot", "[REDACTED]", "[REDACTED]", "[REDACTED]", "ready");
    }

    @Test
    void redacting_twice_changes_nothing_more() {
        String once = Redactor.redact("Authorization: Bearer abc123def456 password=\"x y\" redis://:pw@h/0 "
                + "Cookie: a=b");
        assertThat(Redactor.redact(once)).isEqualTo(once);
    }

    @Test
    void redacting_a_written_json_tree_again_keeps_it_intact() {
        ObjectNode tree = Json.object().put("a", "Cookie: ").put("b", "password=").put("c", "say \"password=\"")
                .put("d", "Authorization: Bearer").put("e", "Cookie: a=b").put("f", "token: \"x\"");
        tree.putArray("g").add("Cookie:").add("password=\"\"");
        JsonNode once = Redactor.redact(tree);
        assertThat(Json.read(Redactor.redact(Json.write(once)))).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-06-20T10:37:30Z ERROR auth - Identity provider certificate expired; token expired for user_1",
            "2025-06-20T10:37:30.123+02:00 INFO api - user_id=42 session_id=abc token_count=3 max_tokens=4096",
            "deploy 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 of acme/orders at 2025-06-20T10:37:30Z",
            "request 123e4567-e89b-12d3-a456-426614174000 took 12ms; sessionId=9 tests pass: 42",
            "GET https://api.example.com:8443/v1/items?page=2&limit=50 200",
            "Token refreshed for bearer authentication; sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c",
            "at dev.missioncontrol.agent.SessionRunner.runTool(SessionRunner.java:124)"})
    void leaves_ordinary_log_lines_alone(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }

    @Test
    void masks_the_value_of_a_name_value_pair_whose_name_says_secret() {
        String env = "{\"name\":\"DB_PASSWORD\",\"value\":\"hunter2\"}";
        assertThat(Redactor.redact("env: [" + env + ", {\"name\":\"PORT\",\"value\":\"8080\"}]"))
                .isEqualTo("env: [{\"name\":\"DB_PASSWORD\",\"value\":\"[REDACTED]\"}, "
                        + "{\"name\":\"PORT\",\"value\":\"8080\"}]");
        JsonNode tree = Redactor.redact(Json.read("[" + env + ",{\"name\":\"PORT\",\"value\":\"8080\"}]"));
        assertThat(tree.get(0).get("value").asText()).isEqualTo("[REDACTED]");
        assertThat(tree.get(1).get("value").asText()).isEqualTo("8080");
    }

    @Test
    void masks_secrets_given_as_command_line_flags_xml_elements_and_url_encoded_pairs() {
        assertThat(Redactor.redact("exec: mysqldump --user app --password hunter2 --host db orders"))
                .isEqualTo("exec: mysqldump --user app --password [REDACTED] --host db orders");
        assertThat(Redactor.redact("cli login --token abcdef123456")).isEqualTo("cli login --token [REDACTED]");
        assertThat(Redactor.redact("<user>app</user><password>hunter2</password>"))
                .isEqualTo("<user>app</user><password>[REDACTED]</password>");
        assertThat(Redactor.redact("POST body=user%3Dapp%26password%3Dhunter2%26next%3D%2F"))
                .isEqualTo("POST body=user%3Dapp%26password%3D[REDACTED]%26next%3D%2F");
        assertThat(Redactor.redact("SECRET_KEY_BASE=4f9a8b7c6d5e")).isEqualTo("SECRET_KEY_BASE=[REDACTED]");
    }

    @Test
    void masks_secrets_written_as_plain_words_in_prose_and_commands() {
        assertThat(Redactor.redact("login failed for admin with password hunter2"))
                .isEqualTo("login failed for admin with password [REDACTED]");
        assertThat(Redactor.redact("note: the db password is hunter2, rotate it"))
                .isEqualTo("note: the db password is [REDACTED], rotate it");
        assertThat(Redactor.redact("curl -u admin:Sup3rS3cret2 https://api.example.com/v1"))
                .isEqualTo("curl -u admin:[REDACTED] https://api.example.com/v1");
        assertThat(Redactor.redact("redis AUTH Sup3rS3cret3 failed: WRONGPASS"))
                .isEqualTo("redis AUTH [REDACTED] failed: WRONGPASS");
        assertThat(Redactor.redact("AUTH default s3cr3tValue")).isEqualTo("AUTH default [REDACTED]");
        String prose = "password expired for alice; token refresh failed; the secret rotation is due";
        assertThat(Redactor.redact(prose)).isEqualTo(prose);
    }

    @Test
    void masks_secrets_in_sql_shell_commands_connection_strings_and_other_languages() {
        assertThat(Redactor.redact("LOG: statement: ALTER USER app WITH PASSWORD 'AlterUs3rSecret'"))
                .isEqualTo("LOG: statement: ALTER USER app WITH PASSWORD '[REDACTED]'");
        assertThat(Redactor.redact("CREATE USER 'app'@'%' IDENTIFIED BY 'Ident1fied'"))
                .isEqualTo("CREATE USER 'app'@'%' IDENTIFIED BY '[REDACTED]'");
        assertThat(Redactor.redact("the password was 'PlainWordPw123'")).isEqualTo("the password was '[REDACTED]'");
        assertThat(Redactor.redact("sshpass -p Sshpa55Secret ssh deploy@10.0.0.5"))
                .isEqualTo("sshpass -p [REDACTED] ssh deploy@10.0.0.5");
        assertThat(Redactor.redact("mysql -u root -pMyCl1Secret orders"))
                .isEqualTo("mysql -u root -p[REDACTED] orders");
        assertThat(Redactor.redact("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=q1w2E3r4T5y6U7i8O9p0"
                + "AsDfGhJkLzXcVbNm1234==;EndpointSuffix=core.windows.net")) // a password may hold a ';'
                .isEqualTo("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[REDACTED]");
        assertThat(Redactor.redact("пароль: Sekr3tnyi Passwort=Geh31m contraseña=Secr3to 密码=mima123"))
                .isEqualTo("пароль: [REDACTED] Passwort=[REDACTED] contraseña=[REDACTED] 密码=[REDACTED]");
        assertThat(Redactor.redact("    STRIPE_KEY:  StripeEnvValue123abc")).isEqualTo("    STRIPE_KEY:  [REDACTED]");
    }

    @Test
    void masks_a_value_on_the_line_after_its_secret_name_as_kubectl_prints_env() {
        String yaml = "    - name: DB_PASSWORD\n      value: \"YamlSecretVal1\"\n    - name: PORT\n      value: \"8080\"";
        assertThat(Redactor.redact(yaml)).isEqualTo("    - name: DB_PASSWORD\n      value: \"[REDACTED]\"\n"
                + "    - name: PORT\n      value: \"8080\"");
        assertThat(Redactor.redactLines(List.of("- name: SECRET_KEY_BASE", "  value: abc123def456")))
                .containsExactly("- name: SECRET_KEY_BASE", "  value: [REDACTED]");
    }

    @Test
    void masks_a_bare_pass_that_holds_a_password_but_not_a_test_count() {
        assertThat(Redactor.redact("mail relay rejected user=ops pass=Relay!Pw2026"))
                .isEqualTo("mail relay rejected user=ops pass=[REDACTED]");
        assertThat(Redactor.redact("login failed: user=alerts@acme.io pass=Smtp!Pass#99"))
                .isEqualTo("login failed: user=alerts@acme.io pass=[REDACTED]");
        String tests = "suite done: pass=128 fail=0 skip=3; lint pass: ok; coverage pass=97.5%";
        assertThat(Redactor.redact(tests)).isEqualTo(tests);
    }

    /**
     * An authorization code in a callback's query or a token request's form is exchanged for a token by whoever holds
     * it first (within its minutes, or for good where the client has no secret), so it is masked; a short code in a
     * query (an HTTP status, an error code) and a code outside a query stay readable.
     */
    @Test
    void masks_an_oauth_authorization_code_in_a_query_but_not_a_status_or_error_code() {
        assertThat(Redactor.redact("GET /oauth/callback?code=4%2F0AeaYSHBxk2rYq8vKPZ7fQw-x1c&state=af0ifjsldkj 302"))
                .isEqualTo("GET /oauth/callback?code=[REDACTED]&state=af0ifjsldkj 302");
        assertThat(Redactor.redact("sending grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA"
                + "&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb"))
                .isEqualTo("sending grant_type=authorization_code&code=[REDACTED]"
                        + "&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb");
        String ordinary = "GET /status?code=503&retry=1 -> upstream code=E_TIMEOUT_UPSTREAM_42 exit code=137";
        assertThat(Redactor.redact(ordinary)).isEqualTo(ordinary);
    }

    @Test
    void masks_redis_cli_passwords_and_credentials_named_in_prose() {
        assertThat(Redactor.redact("redis-cli -h cache -a R3disCliPw --no-auth-warning ping failed"))
                .isEqualTo("redis-cli -h cache -a [REDACTED] --no-auth-warning ping failed");
        assertThat(Redactor.redact("redis-cli --pass R3disCliPw ping"))
                .isEqualTo("redis-cli --pass [REDACTED] ping");
        assertThat(Redactor.redact("ldap bind failed for cn=admin with credentials Ld4pS3cret!"))
                .isEqualTo("ldap bind failed for cn=admin with credentials [REDACTED]");
        String prose = "credentials expired for alice; fetching credentials from vault; tar -a archive.tgz";
        assertThat(Redactor.redact(prose)).isEqualTo(prose);
    }

    @Test
    void masks_docker_login_passwords_sentry_keys_and_a_password_set_to_a_value() {
        assertThat(Redactor.redact("+ docker login -u ci -p D0ckerHubPw! registry.acme.io"))
                .isEqualTo("+ docker login -u ci -p [REDACTED] registry.acme.io");
        assertThat(Redactor.redact("sentry_sdk.init(dsn=\"https://9f8e7d6c5b4a39281706f5e4d3c2b1a0@o4505.ingest.sentry"
                + ".io/4505\")")).isEqualTo("sentry_sdk.init(dsn=\"https://[REDACTED]@o4505.ingest.sentry.io/4505\")");
        assertThat(Redactor.redact("entrypoint: set PGPASSWORD to 'Pgr3sSecret' and MYSQL_ROOT_PASSWORD to Ro0tPw#1"))
                .isEqualTo("entrypoint: set PGPASSWORD to '[REDACTED]' and MYSQL_ROOT_PASSWORD to [REDACTED]");
        String prose = "docker login -u ci --password-stdin; clone https://github.com/acme/app; changed password to "
                + "expire; TOKEN to refresh";
        assertThat(Redactor.redact(prose)).isEqualTo(prose);
    }

    @Test
    void a_password_masked_once_is_masked_wherever_the_same_text_repeats_it() {
        assertThat(Redactor.redact("login failed for admin/Adm1nPw2026 on https://admin:Adm1nPw2026@console.acme.io"))
                .isEqualTo("login failed for admin/[REDACTED] on https://admin:[REDACTED]@console.acme.io");
        assertThat(Redactor.redact("DB_PASSWORD=Hunter2Pw9 then psql said: auth failed for Hunter2Pw9"))
                .isEqualTo("DB_PASSWORD=[REDACTED] then psql said: auth failed for [REDACTED]");
        assertThat(Redactor.redact("password=changeme, and changeme is the default"))
                .isEqualTo("password=[REDACTED], and changeme is the default");
    }

    @Test
    void leaves_port_flags_and_flags_naming_no_secret_alone() {
        String line = "ssh -p 2222 deploy@host; docker run -p 8080:80 --name web --token-count 3 app";
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }

    @Test
    void masks_the_password_of_a_go_mysql_dsn_which_has_no_scheme() {
        assertThat(Redactor.redact("go dsn root:MyDsnLeak9z@tcp(db:3306)/app?parseTime=true"))
                .isEqualTo("go dsn root:[REDACTED]@tcp(db:3306)/app?parseTime=true");
        assertThat(Redactor.redact("DSN=app:p@ss:w0rd@unix(/var/run/mysqld.sock)/orders"))
                .isEqualTo("DSN=app:[REDACTED]@unix(/var/run/mysqld.sock)/orders");
        assertThat(Redactor.redact("dsn app:Pw0rd@/orders")).isEqualTo("dsn app:[REDACTED]@/orders");
        String ordinary = "ssh deploy@10.0.0.5:/srv at 10:30@site; git@github.com:org/repo.git; ratio 3:1@/api";
        assertThat(Redactor.redact(ordinary)).isEqualTo(ordinary);
    }

    @Test
    void masks_a_name_value_pair_written_as_a_two_item_array() {
        assertThat(Redactor.redact("nested {\"env\": [[\"DB_PASSWORD\", \"ArrPairLeak7\"], [\"MODE\", \"prod\"]]}"))
                .isEqualTo("nested {\"env\": [[\"DB_PASSWORD\", \"[REDACTED]\"], [\"MODE\", \"prod\"]]}");
        JsonNode tree = Redactor.redact(Json.read("{\"env\": [[\"DB_PASSWORD\", \"ArrPairLeak7\"], [\"MODE\", \"prod\"]]}"));
        assertThat(tree.at("/env/0/1").asText()).isEqualTo("[REDACTED]");
        assertThat(tree.at("/env/1/1").asText()).isEqualTo("prod");
        String fields = "required: [\"password\", \"email\"], also [\"token\", \"refresh_token\"]";
        assertThat(Redactor.redact(fields)).as("a list of field names").isEqualTo(fields);
        assertThat(Redactor.redact(Json.read("[\"password\", \"email\"]")).get(1).asText()).isEqualTo("email");
    }

    @Test
    void masks_azure_and_license_keys() {
        assertThat(Redactor.redact("headers {\"Ocp-Apim-Subscription-Key\": \"ApimSubKeyLeak8877\"}"))
                .isEqualTo("headers {\"Ocp-Apim-Subscription-Key\": \"[REDACTED]\"}");
        assertThat(Redactor.redact("sending x-functions-key=FnKeyLeak5566aa"))
                .isEqualTo("sending x-functions-key=[REDACTED]");
        assertThat(Redactor.redact("newrelic license_key=NrLicLeak0099ab")).isEqualTo("newrelic license_key=[REDACTED]");
    }

    @Test
    void masks_a_yaml_block_scalar_under_a_secret_name() {
        assertThat(Redactor.redact("db:\n  password: |\n    BlockScalarLeak9\n    second line\n  user: app"))
                .isEqualTo("db:\n  password: |\n    [REDACTED]\n    [REDACTED]\n  user: app");
        assertThat(Redactor.redact("- token: >-\n    FoldedLeak1\n\n    more\n- name: x"))
                .isEqualTo("- token: >-\n    [REDACTED]\n\n    [REDACTED]\n- name: x");
        assertThat(Redactor.redact("DB_PASSWORD:\n  KvNextLeak9\nMODE: prod"))
                .isEqualTo("DB_PASSWORD:\n  [REDACTED]\nMODE: prod");
        String t = "2026-11-29T10:00:32.000Z ";
        assertThat(Redactor.redactLines(List.of(t + "INFO yaml block: password: |", t + "    BlockScalarLeak9",
                "2026-11-29T10:00:33.000Z INFO next")))
                .as("a logger's prefix on every line").containsExactly(t + "INFO yaml block: password: |",
                        t + "    [REDACTED]", "2026-11-29T10:00:33.000Z INFO next");
        String notes = "description: |\n  the password is rotated monthly\nERROR invalid token:\n\tat a.B.c(B.java:1)";
        assertThat(Redactor.redact(notes)).as("no secret name, or a name in a sentence").isEqualTo(notes);
    }

    /** A logger's "name - message" puts a value after a secret's name with neither ':' nor '='. */
    @Test
    void masks_a_lone_generated_word_after_a_secret_name_and_a_dash() {
        assertThat(Redactor.redact("2026-11-29T11:00:06.000Z WARN client_secret - ClientSecDashLeak7"))
                .isEqualTo("2026-11-29T11:00:06.000Z WARN client_secret - [REDACTED]");
        String loggers = "INFO auth - OAuth2 flow started\nINFO auth - 200\nINFO session - started\nINFO token - Refresh";
        assertThat(Redactor.redact(loggers)).isEqualTo(loggers);
    }
}
