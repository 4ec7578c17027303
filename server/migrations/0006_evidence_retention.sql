-- Evidence whose upload never completed: N days after the report (HOTLINE_EVIDENCE_INCOMPLETE_DAYS) a sweep deletes
-- its stored chunks and files and marks it abandoned. The row, its manifest and the files' progress stay, so the case
-- page can say "upload abandoned"; further uploads are refused (410). Complete evidence is never swept.
ALTER TABLE evidence ADD COLUMN abandoned_at timestamptz;
ALTER TABLE evidence ADD CONSTRAINT evidence_abandoned_incomplete CHECK (abandoned_at IS NULL OR receipt IS NULL);
-- the sweep's question: pending uploads, oldest first
CREATE INDEX evidence_pending_idx ON evidence (created_at) WHERE receipt IS NULL AND abandoned_at IS NULL;
