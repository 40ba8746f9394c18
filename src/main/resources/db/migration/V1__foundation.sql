-- Portable SQL for SQLite and PostgreSQL: TEXT ids (UUIDv7), BIGINT epoch millis, BOOLEAN, JSON kept as TEXT.

CREATE TABLE organizations (
    id                     TEXT PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE,
    auto_register_projects BOOLEAN NOT NULL DEFAULT TRUE,
    created_at             BIGINT NOT NULL
);

CREATE TABLE projects (
    id                   TEXT PRIMARY KEY,
    org_id               TEXT NOT NULL REFERENCES organizations (id),
    repository_full_name TEXT NOT NULL,
    service_name         TEXT NOT NULL,
    settings             TEXT NOT NULL DEFAULT '{}',
    created_at           BIGINT NOT NULL,
    UNIQUE (org_id, repository_full_name)
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,          -- the public 8-character key id
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    name         TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,             -- SHA-256 of the secret part, hex
    scopes       TEXT NOT NULL,             -- space-separated
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    expires_at   BIGINT,
    revoked_at   BIGINT
);

CREATE TABLE agent_sessions (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    project_id    TEXT REFERENCES projects (id),
    kind          TEXT NOT NULL,
    status        TEXT NOT NULL,
    title         TEXT NOT NULL,
    prompt        TEXT NOT NULL,
    context       TEXT NOT NULL DEFAULT '{}',
    summary       TEXT,
    report        TEXT,
    last_seq      BIGINT NOT NULL DEFAULT 0,  -- the timeline's gapless counter
    picked_up     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    completed_at  BIGINT
);
CREATE INDEX agent_sessions_org_created ON agent_sessions (org_id, created_at);

CREATE TABLE session_events (
    session_id TEXT NOT NULL REFERENCES agent_sessions (id),
    seq        BIGINT NOT NULL,
    type       TEXT NOT NULL,
    text       TEXT NOT NULL,
    data       TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- The durable work queue: one row per session that still has work. A lease with a fencing counter decides which
-- node runs it; next_run_at lets a sleeping session hold no thread.
CREATE TABLE session_jobs (
    session_id       TEXT PRIMARY KEY REFERENCES agent_sessions (id),
    next_run_at      BIGINT,
    lease_owner      TEXT,
    lease_expires_at BIGINT,
    fence            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX session_jobs_due ON session_jobs (next_run_at);

CREATE TABLE deployments (
    id                 TEXT PRIMARY KEY,
    org_id             TEXT NOT NULL REFERENCES organizations (id),
    project_id         TEXT NOT NULL REFERENCES projects (id),
    session_id         TEXT NOT NULL REFERENCES agent_sessions (id),
    deployment_request TEXT NOT NULL,
    status             TEXT NOT NULL,
    external_url       TEXT,
    commit_sha         TEXT,
    commit_message     TEXT,
    ref                TEXT,
    event_metadata     TEXT NOT NULL DEFAULT '{}',
    verdict            TEXT,
    created_at         BIGINT NOT NULL
);
CREATE INDEX deployments_org_created ON deployments (org_id, created_at);
CREATE INDEX deployments_session ON deployments (session_id);

CREATE TABLE idempotency_keys (
    org_id        TEXT NOT NULL,
    route         TEXT NOT NULL,
    idem_key      TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status_code   INTEGER,                  -- NULL while the first request is still running
    response_body TEXT,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (org_id, route, idem_key)
);
