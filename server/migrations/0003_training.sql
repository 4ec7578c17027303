-- Training: reports a class makes in the extension's training mode live in cases of their own, never in the real
-- inbox, statistics or exports; only trainers (and admins) see them.
ALTER TABLE cases ADD COLUMN training boolean NOT NULL DEFAULT false;
ALTER TABLE cases DROP CONSTRAINT cases_listing_key_key;
ALTER TABLE cases ADD CONSTRAINT cases_training_listing_key_key UNIQUE (training, listing_key);
CREATE INDEX cases_training_idx ON cases (last_reported_at DESC, id DESC) WHERE training;
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'triager', 'inspector', 'analyst', 'trainer'));
