package dev.missioncontrol.web;

import dev.missioncontrol.auth.ApiKeyAuthenticator;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.orgs.ApiKeyFormat;
import dev.missioncontrol.orgs.Scope;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Authenticates every /api/v1 request and lets routes demand a scope. */
public final class ApiAccess {
    private static final String ATTRIBUTE = "mc.principal";
    private static final String STILL_VALID = "mc.principal.still-valid";
    /** Query parameters a key could leak through; URLs end up in logs and browser history. */
    private static final Set<String> KEY_PARAMS = Set.of("api_key", "apikey", "key", "token", "access_token",
            "auth", "authorization");

    private final ApiKeyAuthenticator authenticator;
    private final RateLimits limits;

    /** {@code limits} counts the requests refused here, per client address. */
    public ApiAccess(ApiKeyAuthenticator authenticator, RateLimits limits) {
        this.authenticator = authenticator;
        this.limits = limits;
    }

    /** A before-handler for the API paths. */
    public void authenticate(Context ctx) {
        if (keyInQuery(ctx)) {
            throw refusal(ctx, "API keys are refused in the query string, where they leak into logs; "
                    + "send Authorization: Bearer <key> (and revoke the key you just sent)");
        }
        if (ctx.attribute(ATTRIBUTE) != null) {
            // a person logged in to the UI, already authenticated by the session cookie: as with the pages, no
            // cache (a shared one, or the browser's on a shared computer) may keep what their login let them read
            ctx.header("Cache-Control", "no-store");
            return;
        }
        if (Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            // two credentials name two callers: taking either would act for one the client may not have meant
            throw refusal(ctx, "send one Authorization header: this request sent several");
        }
        ApiKeyAuthenticator.Outcome outcome = authenticator.authenticate(ctx.header("Authorization"));
        if (outcome.principal() == null) {
            throw refusal(ctx, outcome.refusal().detail);
        }
        String authorization = ctx.header("Authorization");
        setPrincipal(ctx, outcome.principal(), () -> authenticator.authenticate(authorization).principal() != null);
    }

    /** A 401 that counts against the client address's limit; once that is spent, a 429 instead. */
    private HttpProblem refusal(Context ctx, String detail) {
        limits.applyUnauthenticated(ctx);
        return HttpProblem.unauthorized(detail);
    }

    /**
     * The caller of this request, and how to ask later whether the credential it came with still holds (a key not
     * revoked, a login not ended): a response that lasts, such as a live timeline, asks again as it goes.
     */
    public static void setPrincipal(Context ctx, Principal principal, BooleanSupplier stillValid) {
        ctx.attribute(ATTRIBUTE, principal);
        ctx.attribute(STILL_VALID, stillValid);
    }

    /** Whether the credential this request was authenticated with still holds; false when it had none. */
    public static BooleanSupplier stillValid(Context ctx) {
        BooleanSupplier check = ctx.attribute(STILL_VALID);
        return check != null ? check : () -> false;
    }

    /** The caller, who must hold {@code scope}; 403 otherwise. */
    public static Principal require(Context ctx, Scope scope) {
        Principal p = principal(ctx);
        if (!p.can(scope)) {
            throw HttpProblem.forbidden("this API key lacks the scope " + scope.wire());
        }
        return p;
    }

    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) {
            throw HttpProblem.unauthorized(ApiKeyAuthenticator.Refusal.MISSING.detail);
        }
        return p;
    }

    /**
     * Whether a parameter is named like a credential, or holds one of this server's keys (checksum and all) in its
     * name or value. Text that merely contains "mc_", such as a repository name, is an ordinary filter value.
     */
    private static boolean keyInQuery(Context ctx) {
        return ctx.queryParamMap().entrySet().stream().anyMatch(p ->
                KEY_PARAMS.contains(p.getKey().toLowerCase(Locale.ROOT)) || ApiKeyFormat.appearsIn(p.getKey())
                        || p.getValue().stream().anyMatch(ApiKeyFormat::appearsIn));
    }
}
