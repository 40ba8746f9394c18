package dev.missioncontrol.web;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.util.MethodNotAllowedUtil;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The methods a path answers, read from the router the way it decides on a 405, for the Allow header RFC 9110 asks of
 * every 405. A hand-kept list would drift from the routes.
 */
final class AllowedMethods {
    private final JavalinState javalin;

    /** Reads the router when asked, since it is filled in only after the configuration that creates this. */
    AllowedMethods(JavalinState javalin) {
        this.javalin = javalin;
    }

    /** E.g. "GET, HEAD, POST"; HEAD is answered wherever GET is, by the GET route without its body. */
    String of(Context ctx) {
        String path = ctx.path().substring(Math.min(ctx.contextPath().length(), ctx.path().length()));
        List<HandlerType> routed = MethodNotAllowedUtil.INSTANCE.findAvailableHttpHandlerTypes(
                javalin.internalRouter, path);
        TreeSet<String> names = routed.stream().map(HandlerType::name).collect(Collectors.toCollection(TreeSet::new));
        if (names.contains("GET")) {
            names.add("HEAD");
        }
        return String.join(", ", names);
    }
}
