package dev.missioncontrol.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 document (kept equal to the route table by a test) and a page that renders it. */
public final class OpenApiRoutes implements RouteGroup {
    private final String document = resource("/openapi.json");
    private final String page = resource("/public/api-docs.html");

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(document));
        routes.get("/api/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    }

    public String document() {
        return document;
    }

    private static String resource(String path) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
