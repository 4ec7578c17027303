-- Inspector sign-in from the extension: a long-lived device token per browser, revocable by its owner or an admin.
-- Only the token's SHA-256 is stored, as for sessions. Device tokens file reports; they never open the dashboard.
CREATE TABLE device_tokens (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_sha256  text NOT NULL UNIQUE,
  label         text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX device_tokens_user_idx ON device_tokens (user_id);

-- A report filed with an inspector's device token names them; anonymous reports leave it empty.
ALTER TABLE reports ADD COLUMN reported_by uuid REFERENCES users (id);
CREATE INDEX reports_reported_by_idx ON reports (reported_by) WHERE reported_by IS NOT NULL;
