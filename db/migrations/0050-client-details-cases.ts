import type { Db } from '../connection.js';

/**
 * Case preparation, part one: the client's identity and contact details, cases through the phases,
 * and the referral that opens each case.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE clients ADD COLUMN identity_code TEXT CHECK (identity_code IS NULL OR length(identity_code) = 11);
    ALTER TABLE clients ADD COLUMN birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
    ALTER TABLE clients ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1));
    ALTER TABLE clients ADD COLUMN interpreter_language TEXT NOT NULL DEFAULT '' CHECK (length(interpreter_language) <= 200);
    ALTER TABLE clients ADD COLUMN phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 200);
    ALTER TABLE clients ADD COLUMN email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 200);
    ALTER TABLE clients ADD COLUMN address TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 200);
    ALTER TABLE clients ADD COLUMN municipality TEXT NOT NULL DEFAULT '' CHECK (length(municipality) <= 200);
    ALTER TABLE clients ADD COLUMN updated_at TEXT;
    CREATE UNIQUE INDEX clients_identity_code ON clients(identity_code) WHERE identity_code IS NOT NULL;
    CREATE INDEX clients_name_birth ON clients(name COLLATE NOCASE, birth_date);

    CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      client_id TEXT NOT NULL REFERENCES clients(id),
      status TEXT NOT NULL CHECK (status IN ('referred', 'in_preparation', 'ready_for_team', 'assessed', 'plan_signed', 'in_services', 'in_follow_up', 'closed')),
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('employed_open', 'employed_supported', 'education', 'rehabilitation', 'pension', 'contact_ended', 'other')),
      preparer_id TEXT REFERENCES users(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      closed_at TEXT,
      CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX cases_one_open_per_client ON cases(client_id) WHERE status <> 'closed';
    CREATE INDEX cases_status ON cases(status, updated_at);

    CREATE TABLE referrals (
      case_id TEXT PRIMARY KEY REFERENCES cases(id),
      source TEXT NOT NULL CHECK (source IN ('employment_authority', 'social_care', 'health_station', 'kela', 'occupational_health', 'self', 'other')),
      referrer_name TEXT NOT NULL DEFAULT '' CHECK (length(referrer_name) <= 200),
      referrer_organisation TEXT NOT NULL DEFAULT '' CHECK (length(referrer_organisation) <= 200),
      referral_date TEXT NOT NULL CHECK (referral_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 20000),
      -- References to documents kept elsewhere: [{ "name": …, "location": … }]. No file storage.
      attachments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments) AND json_type(attachments) = 'array')
    ) STRICT;
  `);
}
