import type { Db } from '../connection.js';

/** Case preparation, part two: consents, background sections, the client's own view, the preparer's notes. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES clients(id),
      form TEXT NOT NULL CHECK (form IN ('written', 'oral')),
      organisations TEXT NOT NULL CHECK (json_valid(organisations) AND json_type(organisations) = 'array'),
      other_organisations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_organisations) AND json_type(other_organisations) = 'array'),
      data_categories TEXT NOT NULL CHECK (json_valid(data_categories) AND json_type(data_categories) = 'array'),
      given_on TEXT NOT NULL,
      valid_until TEXT,
      withdrawn_on TEXT,
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      recorded_by TEXT NOT NULL REFERENCES users(id),
      recorded_at TEXT NOT NULL,
      CHECK (valid_until IS NULL OR valid_until >= given_on),
      CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
    ) STRICT;
    CREATE INDEX consents_client ON consents(client_id, given_on);

    CREATE TABLE case_background (
      case_id TEXT NOT NULL REFERENCES cases(id),
      section TEXT NOT NULL CHECK (section IN ('education', 'work_history', 'health', 'social', 'benefits', 'restricted')),
      data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
      text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 20000),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES users(id),
      PRIMARY KEY (case_id, section)
    ) STRICT;

    CREATE TABLE client_views (
      case_id TEXT PRIMARY KEY REFERENCES cases(id),
      goals TEXT NOT NULL DEFAULT '' CHECK (length(goals) <= 20000),
      helps TEXT NOT NULL DEFAULT '' CHECK (length(helps) <= 20000),
      hinders TEXT NOT NULL DEFAULT '' CHECK (length(hinders) <= 20000),
      self_rating INTEGER CHECK (self_rating BETWEEN 0 AND 10),
      wai_total INTEGER CHECK (wai_total BETWEEN 7 AND 49),
      kykyviisari TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(kykyviisari)),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES users(id)
    ) STRICT;

    ALTER TABLE cases ADD COLUMN bring_note TEXT NOT NULL DEFAULT '' CHECK (length(bring_note) <= 20000);
    ALTER TABLE cases ADD COLUMN proposed_meeting_date TEXT;
  `);
}
