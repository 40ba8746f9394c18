package dev.missioncontrol.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.Creation;
import dev.missioncontrol.web.RequestBody;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** POST /api/v1/signals/: metric samples the deploy monitor judges when there is no Prometheus. */
public final class SignalRoutes implements RouteGroup {
    /** 10,000 samples with labels run past the general 1 MiB limit. */
    static final long MIN_BODY = 8L << 20;

    private final PushSignals push;
    private final OrgStore orgs;
    private final Creation creation;
    private final SampleWindow window;
    private final long maxBody;

    public SignalRoutes(PushSignals push, OrgStore orgs, Creation creation, SampleWindow window,
            long maxBody) {
        this.push = push;
        this.orgs = orgs;
        this.creation = creation;
        this.window = window;
        this.maxBody = Math.max(maxBody, MIN_BODY);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/signals", this::create);
    }

    private void create(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.DEPLOYMENTS_WRITE);
        JsonNode body = RequestBody.readObject(ctx, maxBody);
        List<PushedSeries> pushed = PushedSeries.of(SignalInput.from(body, window));
        var org = orgs.findOrg(p.orgId()).orElseThrow(() -> new NotFoundException("organization"));
        creation.run(ctx, p, body, h -> {
            PushSignals.Accepted a = push.record(h, org, pushed);
            return new Creation.Response(202, Json.object().put("accepted", a.samples()).put("projects", a.projects()));
        });
    }
}
