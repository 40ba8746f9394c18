-- Logins to the web UI, kept in the database so any node of a cluster can serve any request. Only a SHA-256 digest
-- of the cookie's token is stored: a copy of this table does not let anyone log in.
CREATE TABLE web_sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    csrf_token   TEXT NOT NULL,             -- the synchronizer token every unsafe request must echo
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);

-- Organization-wide settings people edit on the settings page (LLM provider, notifications), as a JSON object,
-- like projects.settings.
ALTER TABLE organizations ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
