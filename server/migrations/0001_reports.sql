-- Reports as received, one row per accepted submission; the listing aggregate counts reports per listing.
CREATE TABLE listings (
  listing_key    text PRIMARY KEY,
  site           text NOT NULL,
  url            text NOT NULL,
  title          text,
  report_count   integer NOT NULL DEFAULT 0,
  first_reported timestamptz NOT NULL,
  last_reported  timestamptz NOT NULL
);

CREATE TABLE reports (
  id               uuid PRIMARY KEY,
  tracking_code    text NOT NULL UNIQUE,
  idempotency_key  text UNIQUE,
  body_sha256      text NOT NULL,
  listing_key      text NOT NULL REFERENCES listings (listing_key),
  category         text NOT NULL,
  reporter_role    text NOT NULL,
  status           text NOT NULL DEFAULT 'received',
  payload          jsonb NOT NULL,
  received_at      timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);

CREATE INDEX reports_listing_key_idx ON reports (listing_key);
CREATE INDEX reports_status_received_idx ON reports (status, received_at DESC);
