-- The inspector side: organisations, users, sessions; one case per listing (replacing the listing aggregate),
-- notes, and an append-only audit log. Reports keep the listing exactly as each reporter captured it (payload).

CREATE TABLE orgs (
  id         uuid PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  kind       text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'triager', 'inspector', 'analyst')),
  org_id        uuid NOT NULL REFERENCES orgs (id),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is stored: a leaked table cannot be replayed.
CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Folds Vietnamese (precomposed, NFC) text for search: no diacritics, đ → d, lower case. The server passes NFC text.
CREATE FUNCTION fold_vi(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(input),
    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
$$;

CREATE TABLE cases (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  listing_key       text NOT NULL UNIQUE,
  site              text NOT NULL,
  -- what the first reporter saw; later reports never rewrite it (each report keeps its own copy)
  url               text NOT NULL,
  title             text,
  seller_key        text,
  seller_name       text,
  categories        text[] NOT NULL DEFAULT '{}',
  -- 0 none, 1 low, 2 medium, 3 high: the highest server-side assessment of any report
  risk_rank         smallint NOT NULL DEFAULT 0 CHECK (risk_rank BETWEEN 0 AND 3),
  report_count      integer NOT NULL DEFAULT 0,
  first_reported_at timestamptz NOT NULL,
  last_reported_at  timestamptz NOT NULL,
  status            text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'triaged', 'investigating', 'closed', 'rejected')),
  priority          text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assigned_org      uuid REFERENCES orgs (id),
  status_changed_at timestamptz NOT NULL,
  triaged_at        timestamptz,
  closed_at         timestamptz,
  search            tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', fold_vi(coalesce(title, '') || ' ' || coalesce(seller_name, '')))
  ) STORED
);

-- Keyset pagination: every sort is (key DESC, id DESC); the filters most used have their own ordered index.
CREATE INDEX cases_last_idx ON cases (last_reported_at DESC, id DESC);
CREATE INDEX cases_first_idx ON cases (first_reported_at DESC, id DESC);
CREATE INDEX cases_count_idx ON cases (report_count DESC, id DESC);
CREATE INDEX cases_risk_idx ON cases (risk_rank DESC, id DESC);
CREATE INDEX cases_status_last_idx ON cases (status, last_reported_at DESC, id DESC);
CREATE INDEX cases_org_last_idx ON cases (assigned_org, last_reported_at DESC, id DESC);
CREATE INDEX cases_site_last_idx ON cases (site, last_reported_at DESC, id DESC);
CREATE INDEX cases_categories_idx ON cases USING gin (categories);
CREATE INDEX cases_search_idx ON cases USING gin (search);
CREATE INDEX cases_url_idx ON cases (url);
CREATE INDEX cases_seller_idx ON cases (seller_key) WHERE seller_key IS NOT NULL;

INSERT INTO cases (listing_key, site, url, title, categories, report_count, first_reported_at, last_reported_at, status_changed_at)
SELECT l.listing_key, l.site, l.url, l.title,
       ARRAY(SELECT DISTINCT r.category FROM reports r WHERE r.listing_key = l.listing_key ORDER BY 1),
       l.report_count, l.first_reported, l.last_reported, l.first_reported
FROM listings l;

ALTER TABLE reports ADD COLUMN case_id bigint REFERENCES cases (id);
ALTER TABLE reports ADD COLUMN site text;
-- the server's own assessment of the listing (never the one the page sent)
ALTER TABLE reports ADD COLUMN server_assessment jsonb;
UPDATE reports SET case_id = c.id, site = c.site FROM cases c WHERE c.listing_key = reports.listing_key;
ALTER TABLE reports ALTER COLUMN case_id SET NOT NULL;
ALTER TABLE reports ALTER COLUMN site SET NOT NULL;
ALTER TABLE reports DROP CONSTRAINT reports_listing_key_fkey;
-- a report's status is its case's status
DROP INDEX reports_status_received_idx;
ALTER TABLE reports DROP COLUMN status;
DROP TABLE listings;
DROP INDEX reports_listing_key_idx;
CREATE INDEX reports_case_idx ON reports (case_id, received_at);

-- Reports per Vietnam day, site and category, kept by ingest: statistics read a few hundred rows, not every report.
CREATE TABLE report_daily (
  day      date NOT NULL,
  site     text NOT NULL,
  category text NOT NULL,
  reports  integer NOT NULL,
  PRIMARY KEY (day, site, category)
);
INSERT INTO report_daily (day, site, category, reports)
SELECT ((received_at AT TIME ZONE 'UTC') + interval '7 hours')::date, site, category, count(*) FROM reports GROUP BY 1, 2, 3;

CREATE TABLE case_notes (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES cases (id),
  author_id  uuid NOT NULL REFERENCES users (id),
  body       text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, id);

-- Who did what, when: case changes and account administration. Rows can be added, never changed or deleted.
CREATE TABLE audit_log (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor_id  uuid REFERENCES users (id),
  action    text NOT NULL,
  case_id   bigint REFERENCES cases (id),
  target_id text,
  detail    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_case_idx ON audit_log (case_id, id) WHERE case_id IS NOT NULL;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
