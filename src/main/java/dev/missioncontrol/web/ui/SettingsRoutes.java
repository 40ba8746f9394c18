package dev.missioncontrol.web.ui;

import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.orgs.ApiKey;
import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.PasswordRule;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The settings page, API keys and users. Everyone may look; only admins may change anything. */
final class SettingsRoutes implements RouteGroup {
    private static final String TAKEN = "A user with that email already exists.";

    private final SettingsView view;
    private final BrowserAuth auth;

    SettingsRoutes(SettingsView view, BrowserAuth auth) {
        this.view = view;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/settings", auth.page((ctx, viewer) -> view.renderAfterRedirect(ctx, viewer, flash(ctx))));
        routes.post("/settings/api-keys", auth.admin(this::createKey));
        routes.post("/settings/api-keys/{id}/revoke", auth.admin(this::revokeKey));
        routes.post("/settings/users", auth.admin(this::createUser));
        routes.post("/settings/users/{id}/remove", auth.admin(this::removeUser));
        routes.post("/settings/users/{id}/role", auth.admin(this::setRole));
    }

    /** The new key is shown once, on the page the browser is sent to, never in its URL. */
    private void createKey(Context ctx, Viewer viewer) {
        String name = ctx.formParam("name");
        if (name == null || name.isBlank() || name.length() > 100 || Validator.holdsControl(name)) {
            view.renderRefused(ctx, viewer, "create-key", "name", "Give the key a name of up to 100 characters on one line.");
            return;
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        ctx.formParams("scopes").forEach(s -> Scope.parse(s).ifPresent(scopes::add));
        if (scopes.isEmpty()) {
            view.renderRefused(ctx, viewer, "create-key", "scopes", "Choose at least one scope for the key.");
            return;
        }
        ApiKeyStore.CreatedKey created = view.keys().create(viewer.orgId(), name.strip(), scopes,
                viewer.user().email());
        view.back(ctx, new LoginFlash.Shown("Key \"" + name.strip() + "\" created.", created.plaintext(), null),
                "api-keys");
    }

    private void revokeKey(Context ctx, Viewer viewer) {
        boolean done = view.keys().revoke(ctx.pathParam("id"), viewer.orgId());
        back(ctx, done ? "key-revoked" : "key-unknown", "api-keys");
    }

    private void createUser(Context ctx, Viewer viewer) {
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        User.Role role = "admin".equals(ctx.formParam("role")) ? User.Role.ADMIN : User.Role.MEMBER;
        boolean badEmail = !User.isEmail(email) || Validator.holdsControl(email);
        String problem = badEmail ? "Enter a valid email address."
                : PasswordRule.problem(password).isPresent()
                ? "The password " + PasswordRule.problem(password).get() + "."
                : exists(viewer, email) ? TAKEN : null;
        if (problem != null) {
            boolean aboutPassword = !badEmail && PasswordRule.problem(password).isPresent();
            view.renderRefused(ctx, viewer, "create-user", aboutPassword ? "password" : "email", problem);
            return;
        }
        if (view.users().createIfFree(viewer.orgId(), email.strip(), role, password).isEmpty()) {
            view.renderRefused(ctx, viewer, "create-user", "email", TAKEN);
            return;
        }
        back(ctx, "user-created", "users");
    }

    /**
     * Someone who left the team loses access at once: the account and every login of it go. The API keys they created
     * belong to the organization and keep working (a CI pipeline may depend on one), but they saw those keys' text,
     * so the page names the ones still usable for an admin to revoke.
     */
    private void removeUser(Context ctx, Viewer viewer) {
        String id = ctx.pathParam("id");
        if (id.equals(viewer.user().id())) {
            back(ctx, "user-self", "users");
            return;
        }
        String email = view.users().find(id).map(User::email).orElse(null);
        UserStore.Change removal = view.users().remove(viewer.orgId(), id);
        List<ApiKey> theirKeys = removal == UserStore.Change.DONE && email != null
                ? view.keys().usableCreatedBy(viewer.orgId(), email) : List.of();
        if (!theirKeys.isEmpty()) {
            backNamingKeys(ctx, "User removed. Their logins have ended.", "that still work", theirKeys);
            return;
        }
        back(ctx, switch (removal) {
            case DONE -> "user-removed";
            case LAST_ADMIN -> "user-last-admin";
            case UNKNOWN -> "user-unknown";
        }, "users");
    }

    /**
     * Another user becomes an admin or a member; their open logins carry the new role from their next page. An admin
     * does not change their own role here, as they do not remove themselves: another admin can.
     */
    private void setRole(Context ctx, Viewer viewer) {
        String id = ctx.pathParam("id");
        String wanted = ctx.formParam("role");
        if (!"admin".equals(wanted) && !"member".equals(wanted)) {
            view.render(ctx, viewer, 422, "Choose admin or member.");
            return;
        }
        if (id.equals(viewer.user().id())) {
            back(ctx, "role-self", "users");
            return;
        }
        UserStore.Change change = view.users().setRole(viewer.orgId(), id,
                "admin".equals(wanted) ? User.Role.ADMIN : User.Role.MEMBER);
        List<ApiKey> adminKeys = change == UserStore.Change.DONE && "member".equals(wanted)
                ? adminKeysCreatedBy(viewer, id) : List.of();
        if (!adminKeys.isEmpty()) {
            backNamingKeys(ctx, "Role changed.", "with every scope that still work, and such a key acts as an admin",
                    adminKeys);
            return;
        }
        back(ctx, switch (change) {
            case DONE -> "role-changed";
            case LAST_ADMIN -> "user-last-admin";
            case UNKNOWN -> "user-unknown";
        }, "users");
    }

    /** Back at the keys, naming the user's that still work: whether a pipeline keeps one is the admin's call. */
    private void backNamingKeys(Context ctx, String done, String which, List<ApiKey> keys) {
        view.back(ctx, new LoginFlash.Shown(done + " They created API keys " + which + ": " + keys.stream()
                .map(k -> "\"" + k.name() + "\"").collect(Collectors.joining(", ")) + ". Revoke them below unless a "
                + "pipeline should keep using them.", null, null), "api-keys");
    }

    /** A member's keys that still work and hold every scope, which the API takes for an admin's. */
    private List<ApiKey> adminKeysCreatedBy(Viewer viewer, String userId) {
        return view.users().find(userId).map(u -> view.keys().usableCreatedBy(viewer.orgId(), u.email())).orElse(
                List.of()).stream().filter(k -> k.scopes().containsAll(Scope.all())).toList();
    }

    private boolean exists(Viewer viewer, String email) {
        // emails are unique across organizations, so a clash elsewhere is refused too, without saying where
        return view.users().emailTaken(email);
    }

    /** Redirects to the settings page with a short, fixed message code (never free text in a URL). */
    static void back(Context ctx, String code, String section) {
        ctx.redirect("/settings?done=" + code + "#" + section, HttpStatus.SEE_OTHER);
    }

    private static String flash(Context ctx) {
        String code = ctx.queryParam("done");
        return code == null ? "" : switch (code) {
            case "key-revoked" -> "The key was revoked. Requests using it are refused from now on.";
            case "key-unknown" -> "No such active key.";
            case "user-created" -> "User created. Tell them their password through a safe channel.";
            case "password-changed" -> "Password changed. Your other logins have ended.";
            case "user-removed" -> "User removed. Their logins have ended.";
            case "user-self" -> "You cannot remove yourself; another admin can.";
            case "user-last-admin" -> "The last admin stays: make someone else an admin first.";
            case "role-changed" -> "Role changed. It applies from their next page, in every login they have open.";
            case "role-self" -> "You cannot change your own role; another admin can.";
            case "user-unknown" -> "No such user.";
            case "project-saved" -> "Project settings saved.";
            case "project-added" -> "Project added. Its deployments are recorded from now on.";
            case "org-saved" -> "Organization settings saved.";
            case "webhook-removed" -> "Webhook removed. Nothing more is sent to it; its deliveries stay in the log.";
            case "webhook-changed" -> "Webhook URL changed. Its notifications waiting for a retry are sent there now; "
                    + "those given up on can be sent again from its row.";
            case "webhook-scope-changed" -> "Alerts changed. From now on the webhook gets the deploys its row names; "
                    + "what waited for it about any other deploy is not sent.";
            case "webhook-unknown" -> "No such webhook.";
            case "test-queued" -> "Test notification queued for every webhook; reload the page in a few seconds and "
                    + "the delivery log below shows how each answered.";
            case "test-queued-one" -> "Test notification queued for that webhook alone; reload the page in a few "
                    + "seconds and the delivery log below shows how it answered.";
            case "test-nowhere" -> "There is no webhook to send a test to. Add one first.";
            case "retry-queued" -> "The notifications given up on are queued to be sent once more; reload the page in "
                    + "a few seconds and the delivery log below shows how the webhook answered.";
            case "retry-none" -> "Nothing to send again: none of that webhook's notifications was given up on in the "
                    + "last 24 hours.";
            default -> "";
        };
    }
}
