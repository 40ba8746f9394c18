-- Each webhook's list entry shows its last attempt, found through this index rather than by reading the whole log.
CREATE INDEX notification_deliveries_webhook ON notification_deliveries (webhook_id, created_at);
