-- The delivery log answers "did the alert for this deploy go out, and when is the next try?": a notification names
-- the deployment whose verdict it carries (none for a test), and each failed attempt keeps the retry it scheduled.
ALTER TABLE notification_outbox ADD COLUMN deployment_id TEXT;
ALTER TABLE notification_deliveries ADD COLUMN retry_at BIGINT;
