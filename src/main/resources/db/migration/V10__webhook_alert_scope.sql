-- A webhook may get only some deploys' alerts: those of its repositories, to its environments (JSON arrays of names;
-- null leaves that side open), so a team's channel hears of its own services only.
ALTER TABLE notification_webhooks ADD COLUMN repositories TEXT;
ALTER TABLE notification_webhooks ADD COLUMN environments TEXT;
