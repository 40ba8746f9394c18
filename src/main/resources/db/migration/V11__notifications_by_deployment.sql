-- A deployment's page asks every few seconds while its verdict is told who was notified, and the history purge deletes
-- alerts and their attempts by deployment: both found their rows by reading the whole outbox and delivery log.
CREATE INDEX notification_outbox_deployment ON notification_outbox (deployment_id);
CREATE INDEX notification_deliveries_outbox ON notification_deliveries (outbox_id, created_at);
