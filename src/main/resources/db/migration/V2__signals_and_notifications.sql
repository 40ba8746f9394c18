-- Pushed signals and notifications. Portable SQL for SQLite and PostgreSQL, as in V1.

-- A series is one metric name with one label set in one project. Its id is a 64-bit hash of those, computed by the
-- server, so storing a sample needs no lookup and a sample row is three numbers.
CREATE TABLE signal_series (
    id         BIGINT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    name       TEXT NOT NULL,
    labels     TEXT NOT NULL,               -- canonical JSON object, keys sorted
    created_at BIGINT NOT NULL
);
CREATE INDEX signal_series_project_name ON signal_series (project_id, name);

CREATE TABLE signal_samples (
    series_id BIGINT NOT NULL,
    at        BIGINT NOT NULL,              -- epoch millis
    value     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, at)
);
CREATE INDEX signal_samples_at ON signal_samples (at);

-- Where degraded and failed verdicts are sent. A generic webhook's secret signs each delivery (HMAC-SHA256), so it
-- is kept, not hashed.
CREATE TABLE notification_webhooks (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    kind       TEXT NOT NULL,               -- slack | webhook
    name       TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX notification_webhooks_org ON notification_webhooks (org_id);

-- The outbox: a notification is recorded with the verdict that caused it and delivered afterwards, with retries.
-- dedupe_key keeps a verdict recorded twice (a resumed session) from notifying twice.
CREATE TABLE notification_outbox (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations (id),
    webhook_id      TEXT NOT NULL REFERENCES notification_webhooks (id),
    dedupe_key      TEXT NOT NULL,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL,          -- pending | delivered | dead
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    created_at      BIGINT NOT NULL,
    UNIQUE (webhook_id, dedupe_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (state, next_attempt_at);

-- One row per delivery attempt, for the settings page.
CREATE TABLE notification_deliveries (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    outbox_id   TEXT NOT NULL REFERENCES notification_outbox (id),
    webhook_id  TEXT NOT NULL REFERENCES notification_webhooks (id),
    attempt     INTEGER NOT NULL,
    status_code INTEGER,
    error       TEXT,
    duration_ms BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX notification_deliveries_org ON notification_deliveries (org_id, created_at);
