package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.ClientHangup;
import dev.missioncontrol.web.Creation;
import dev.missioncontrol.web.HttpProblem;
import dev.missioncontrol.web.QueryParams;
import dev.missioncontrol.web.RequestBody;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The deployments API: the [seed] POST and our list and detail reads. */
public final class DeploymentRoutes implements RouteGroup {
    private final DeploymentService service;
    private final DeploymentStore store;
    private final OrgStore orgs;
    private final Creation creation;
    private final VerdictWait verdicts;
    private final long maxBody;

    public DeploymentRoutes(DeploymentService service, DeploymentStore store, OrgStore orgs, Creation creation,
            VerdictWait verdicts, long maxBody) {
        this.service = service;
        this.store = store;
        this.orgs = orgs;
        this.creation = creation;
        this.verdicts = verdicts;
        this.maxBody = maxBody;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/deployments", this::create);
        routes.get("/api/v1/deployments", this::list);
        routes.get("/api/v1/deployments/{id}", this::detail);
    }

    private void create(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.DEPLOYMENTS_WRITE);
        JsonNode body = RequestBody.readObject(ctx, maxBody);
        DeploymentInput input = DeploymentInput.from(body);
        var org = orgs.findOrg(p.orgId()).orElseThrow(() -> new NotFoundException("organization"));
        creation.run(ctx, p, body, h -> {
            DeploymentService.Recorded r = service.record(h, org, input);
            ObjectNode out = Json.object().put("id", r.deploymentId()).put("status", r.status())
                    .put("created_at", WireTime.format(r.createdAt())).put("agent_session_id", r.sessionId())
                    .put("agent_session_url", "/agents/" + r.sessionId());
            return new Creation.Response(201, out);
        });
    }

    private void list(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.DEPLOYMENTS_READ);
        String status = ctx.queryParam("status");
        if (status != null && !DeploymentInput.STATUSES.contains(status)) {
            throw QueryParams.invalid("status", "must be one of " + String.join(", ", DeploymentInput.STATUSES));
        }
        int limit = QueryParams.limit(ctx, 20, 100);
        var q = new DeploymentQuery(p.orgId(), QueryParams.text(ctx, "repository"), status,
                QueryParams.time(ctx, "since"), QueryParams.time(ctx, "until"), QueryParams.cursor(ctx), limit + 1);
        List<Deployment> rows = store.list(q);
        List<Deployment> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? DeploymentStore.cursorOf(page.get(page.size() - 1)).encode() : null;
        ObjectNode out = Json.object();
        page.forEach(d -> out.withArray("results").add(DeploymentJson.of(d)));
        out.withArray("results");
        out.put("count", store.count(q)).put("next", next);
        ctx.json(out);
    }

    private void detail(Context ctx) {
        Principal p = ApiAccess.require(ctx, Scope.DEPLOYMENTS_READ);
        String id = QueryParams.id(ctx, "id", "deployment");
        int wait = QueryParams.intParam(ctx, "wait", 0, 0, 600);
        Deployment d = store.find(p.orgId(), id).orElseThrow(() -> new NotFoundException("deployment"));
        if (wait > 0 && !VerdictWait.isFinal(d.verdict())) {
            BooleanSupplier stillValid = ApiAccess.stillValid(ctx);
            try (ClientHangup client = ClientHangup.watch(ctx)) {
                d = verdicts.await(p.orgId(), d, java.time.Duration.ofSeconds(wait),
                        () -> client.connected() && stillValid.getAsBoolean());
                if (!client.connected()) {
                    return; // no one is left to read the answer
                }
            }
            if (!stillValid.getAsBoolean()) {
                throw HttpProblem.unauthorized("the credential was revoked or ended while the request waited");
            }
        }
        ctx.json(DeploymentJson.detail(d));
    }
}
