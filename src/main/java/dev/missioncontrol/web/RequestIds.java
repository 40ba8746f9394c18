package dev.missioncontrol.web;

import dev.missioncontrol.store.Ids;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Every request gets an id, echoed in X-Request-Id, the access log and any problem body. */
public final class RequestIds {
    private static final String ATTRIBUTE = "mc.requestId";
    /** A caller's own id is reused only when it is short and plain, so it cannot forge log lines. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String incoming = ctx.header("X-Request-Id");
        String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : Ids.newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header("X-Request-Id", id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "";
    }
}
