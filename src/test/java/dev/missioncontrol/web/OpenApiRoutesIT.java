package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.TestServer;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published OpenAPI document and the server's real route table must describe the same API. */
class OpenApiRoutesIT {

    @Test
    void document_lists_exactly_the_routes_the_server_answers() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            JsonNode doc = server.api(null).get("/api/openapi.json").json();
            Set<String> documented = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                    method -> documented.add(method.toUpperCase() + " " + normalize(path.getKey()))));
            Set<String> served = new TreeSet<>();
            server.app().web().routeTable().stream()
                    .filter(r -> r.getHttpMethod().isHttpMethod())
                    .filter(r -> r.getPath().startsWith("/api") || Set.of("/healthz", "/readyz", "/metrics")
                            .contains(r.getPath()))
                    .forEach(r -> served.add(r.getHttpMethod().name() + " " + normalize(r.getPath())));
            assertThat(documented).isEqualTo(served);
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
        }
    }

    @Test
    void docs_page_renders_the_document_without_inline_script() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            var page = server.api(null).get("/api/docs");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("/static/api-docs.js").doesNotContain("<script>");
            assertThat(server.api(null).get("/static/api-docs.js").body()).contains("/api/openapi.json");
            assertThat(server.api(null).get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").status()).isEqualTo(200);
        }
    }

    private static String normalize(String path) {
        return path.replaceAll("/+$", "");
    }
}
