-- Evidence: the signed manifest a report carried, its files' upload progress, and the hotline's countersignature.
-- One row per manifest (its SHA-256): the same manifest sent again is the same evidence, never stored twice.
CREATE TABLE evidence (
  manifest_sha256    text PRIMARY KEY CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  -- the manifest's exact text as signed, and the extension's DER signature (base64)
  manifest           text NOT NULL,
  signature          text NOT NULL,
  listing_key        text NOT NULL,
  reporter_key_id    text NOT NULL,
  -- the first report that carried it: its tracking code and time go into the receipt
  report_id          uuid NOT NULL REFERENCES reports (id),
  total_bytes        bigint NOT NULL,
  created_at         timestamptz NOT NULL,
  completed_at       timestamptz,
  -- receipt.json as signed, its DER signature (base64) and the hotline key that signed it
  receipt            text,
  receipt_signature  text,
  receipt_key_id     text
);
CREATE INDEX evidence_report_idx ON evidence (report_id);

-- Upload progress lives here (not in the process): a restart or another server resumes exactly at `received`.
CREATE TABLE evidence_files (
  manifest_sha256  text NOT NULL REFERENCES evidence (manifest_sha256),
  name             text NOT NULL,
  position         smallint NOT NULL,
  role             text NOT NULL,
  media_type       text NOT NULL,
  size             bigint NOT NULL CHECK (size >= 0),
  sha256           text NOT NULL,
  received         bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
  -- storage keys of the chunks received so far, in order (storage has no append); emptied once the file is whole
  chunk_keys       text[] NOT NULL DEFAULT '{}',
  complete         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (manifest_sha256, name)
);

-- Every report that carried the evidence (a second report with the same manifest points at the same row).
ALTER TABLE reports ADD COLUMN evidence_sha256 text REFERENCES evidence (manifest_sha256);
CREATE INDEX reports_evidence_idx ON reports (evidence_sha256) WHERE evidence_sha256 IS NOT NULL;

-- The hotline's public signing keys, kept after a rotation so that older receipts still verify (/v1/keys).
CREATE TABLE hotline_keys (
  key_id      text PRIMARY KEY,
  pem         text NOT NULL,
  jwk         jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
