package dev.missioncontrol;

import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.deployments.VerdictWait;
import dev.missioncontrol.monitor.VerdictJournal;
import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.net.HostResolver;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.notify.DeliverNotifications;
import dev.missioncontrol.notify.NotificationRoutes;
import dev.missioncontrol.notify.OutboxStore;
import dev.missioncontrol.notify.VerdictAlerts;
import dev.missioncontrol.notify.WebhookStore;
import dev.missioncontrol.notify.Webhooks;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.HourlyCleanup;
import dev.missioncontrol.signals.PrometheusHeaders;
import dev.missioncontrol.signals.PushSignals;
import dev.missioncontrol.signals.SampleWindow;
import dev.missioncontrol.signals.SignalRoutes;
import dev.missioncontrol.signals.SignalStore;
import dev.missioncontrol.signals.Signals;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.tools.metrics.MetricTools;
import dev.missioncontrol.web.Creation;
import dev.missioncontrol.web.RouteGroup;
import dev.missioncontrol.monitor.MonitorSchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Wires deploy verification's outside world: signal sources, metric tools, verdicts, notifications. Wiring only. */
final class Monitoring implements AutoCloseable {
    private static final String VERDICTS = "missioncontrol.verdicts";
    private final OutboundHttp outbound;
    private final SignalStore signalStore;
    private final Signals signals;
    private final WebhookStore webhooks;
    private final OutboxStore outbox;
    private final VerdictAlerts alerts;
    private final DeliverNotifications deliver;
    private final MeterRegistry metrics;
    private final Webhooks webhookSettings;
    private final Duration sampleRetention;

    /** @param links where notifications link to, once the server listens */
    Monitoring(AppConfig config, Supplier<String> links, Database db, DeploymentStore deployments, Clock clock,
            MeterRegistry metrics) {
        var ig = config.integrations();
        outbound = new OutboundHttp(new Destinations(AddressPolicy.allowing(ig.allowCidrs()), HostResolver.system()),
                OutboundHttp.Caps.defaults());
        signalStore = new SignalStore(db.jdbi());
        signals = new Signals(signalStore, outbound, ig.prometheusUrl(), ig.prometheusStep(),
                PrometheusHeaders.at(ig.prometheusHeaders()));
        webhooks = new WebhookStore(db.jdbi(), clock);
        outbox = new OutboxStore(db.jdbi(), db.dialect(), clock);
        alerts = new VerdictAlerts(deployments, webhooks, outbox, links);
        deliver = new DeliverNotifications(outbox, outbound, ig.notifyBackoff(), clock, metrics);
        this.metrics = metrics;
        // at 0 from the start, so an alert on the rate of failed verdicts has a series before the first one
        VerdictWait.FINAL.forEach(state -> metrics.counter(VERDICTS, "state", state));
        webhookSettings = new Webhooks(webhooks, outbox, outbound.destinations(), clock);
        sampleRetention = ig.signalRetention();
    }

    /** The server's schedule for watching a deploy, from its flags; projects may set their own bake and warm-up. */
    static MonitorSchedule schedule(AppConfig.Runtime rt) {
        return new MonitorSchedule(rt.monitorSchedule(), rt.bake(), rt.warmup());
    }

    List<Tool> tools(OrgStore orgs, DeploymentStore deployments, Clock clock) {
        return MetricTools.all(signals, orgs, deployments, clock);
    }

    /**
     * A recorded verdict is stored on the deployment and queued for the webhooks it concerns in one transaction, so
     * whoever reads a final verdict (CI, the deployment page) finds its notifications already queued, and a crash
     * between the two cannot lose them; neither happens for a worker that no longer holds the session.
     */
    VerdictJournal.Listener verdicts(DeploymentStore deployments) {
        return (lease, verdict) -> {
            // the stores' own handles join this one: Jdbi hands nested calls on a thread the handle already open
            boolean stored = deployments.jdbi().inTransaction(h -> {
                if (!deployments.setVerdict(lease, verdict)) {
                    return false;
                }
                alerts.verdictRecorded(lease.sessionId(), verdict);
                return true;
            });
            if (stored && VerdictWait.isFinal(verdict)) {
                // how many deploys end degraded or failed, next to how many pass, on /metrics
                metrics.counter(VERDICTS, "state", verdict.path("state").asText()).increment();
            }
        };
    }

    List<RouteGroup> routes(OrgStore orgs, Creation creation, Clock clock, long maxBody) {
        return List.of(new SignalRoutes(new PushSignals(signalStore, clock), orgs, creation,
                new SampleWindow(clock, sampleRetention), maxBody),
                new NotificationRoutes(webhookSettings, maxBody));
    }

    /** The organization's webhooks, for the API and the settings page. */
    Webhooks webhooks() {
        return webhookSettings;
    }

    /** The SSRF guard every admin-configured URL passes: webhooks, Prometheus. */
    Destinations destinations() {
        return outbound.destinations();
    }

    /** Pushed samples are kept for the configured retention. */
    HourlyCleanup.Task signalRetention(Clock clock) {
        return new HourlyCleanup.Task("pushed samples older than " + sampleRetention,
                () -> signalStore.purgeBefore(clock.instant().minus(sampleRetention)));
    }

    Monitoring start() {
        deliver.start();
        return this;
    }

    @Override
    public void close() {
        deliver.close();
        outbound.close();
    }
}
