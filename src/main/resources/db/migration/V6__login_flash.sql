-- What a login's next page shows once after a form that answered with a redirect: a new API key or a webhook's
-- signing secret, which must appear once and never sit in a URL. It is sealed with a key derived from the login's
-- cookie token, which the table does not hold (only its digest), so a copy of the table cannot read it; it is
-- cleared as it is shown.
ALTER TABLE web_sessions ADD COLUMN flash TEXT;
