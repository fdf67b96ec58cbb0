import type { Db } from '../connection.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const DATE = (col: string) => `(${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

/**
 * The work-ability support plan (issue 6): versions with goals and actions whose ids survive every
 * version, the canonical payload a frozen version is signed in, the signatures, action progress
 * after signing, and the client coordinators with their history.
 *
 * At most one version of a plan is open (draft or frozen): a partial unique index says so. A
 * version's payload exists exactly when it is not a draft. Goals and actions are keyed by
 * (version, id): a new version copies them with the same ids, never "delete all, insert all".
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE plans (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL UNIQUE REFERENCES cases(id),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES users(id)
    ) STRICT;

    CREATE TABLE plan_versions (
      id TEXT PRIMARY KEY,
      plan_id TEXT NOT NULL REFERENCES plans(id),
      version INTEGER NOT NULL CHECK (version >= 1),
      state TEXT NOT NULL CHECK (state IN (${list(['draft', 'frozen', 'locked', 'superseded'])})),
      review_date TEXT CHECK (${DATE('review_date')}),
      statutory_refs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(statutory_refs) AND json_type(statutory_refs) = 'array'),
      -- Set at freezing: the meeting signing it, the assessment it builds on, the quorum check.
      meeting_id TEXT REFERENCES meetings(id),
      quorum TEXT CHECK (quorum IS NULL OR json_valid(quorum)),
      frozen_at TEXT,
      payload TEXT,
      payload_sha256 TEXT CHECK (payload_sha256 IS NULL OR (length(payload_sha256) = 64 AND payload_sha256 NOT GLOB '*[^0-9a-f]*')),
      locked_at TEXT,
      superseded_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES users(id),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES users(id),
      UNIQUE (plan_id, version),
      CHECK ((state = 'draft') = (payload IS NULL)),
      CHECK ((payload IS NULL) = (payload_sha256 IS NULL)),
      CHECK ((payload IS NULL) = (frozen_at IS NULL)),
      CHECK ((state IN ('locked', 'superseded')) = (locked_at IS NOT NULL)),
      CHECK ((state = 'superseded') = (superseded_at IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX plan_versions_one_open ON plan_versions(plan_id) WHERE state IN ('draft', 'frozen');

    CREATE TABLE plan_goals (
      version_id TEXT NOT NULL REFERENCES plan_versions(id),
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      text TEXT NOT NULL CHECK (length(text) <= 4000),
      target_date TEXT CHECK (${DATE('target_date')}),
      progress_measure TEXT NOT NULL DEFAULT '' CHECK (length(progress_measure) <= 4000),
      acceptance TEXT CHECK (acceptance IS NULL OR acceptance IN (${list(['agrees', 'partly', 'disagrees'])})),
      client_words TEXT NOT NULL DEFAULT '' CHECK (length(client_words) <= 4000),
      PRIMARY KEY (version_id, id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE plan_actions (
      version_id TEXT NOT NULL REFERENCES plan_versions(id),
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      service_id TEXT REFERENCES services(id),
      -- Copies of the catalogue entries taken at freezing (what the signed payload names).
      service_snapshot TEXT CHECK (service_snapshot IS NULL OR json_valid(service_snapshot)),
      text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 4000),
      provider_id TEXT REFERENCES providers(id),
      provider_snapshot TEXT CHECK (provider_snapshot IS NULL OR json_valid(provider_snapshot)),
      responsible TEXT NOT NULL DEFAULT '' CHECK (length(responsible) <= 200),
      start_date TEXT CHECK (${DATE('start_date')}),
      due_date TEXT CHECK (${DATE('due_date')}),
      goal_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goal_ids) AND json_type(goal_ids) = 'array'),
      status TEXT NOT NULL CHECK (status IN (${list(['planned', 'ongoing', 'done', 'cancelled'])})),
      PRIMARY KEY (version_id, id)
    ) STRICT, WITHOUT ROWID;

    -- Follow-up on the plan in force: an action's status after signing, outside the signed text.
    CREATE TABLE plan_action_progress (
      plan_id TEXT NOT NULL REFERENCES plans(id),
      action_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN (${list(['planned', 'ongoing', 'done', 'cancelled'])})),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES users(id),
      PRIMARY KEY (plan_id, action_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE plan_signatures (
      id TEXT PRIMARY KEY,
      version_id TEXT NOT NULL REFERENCES plan_versions(id),
      kind TEXT NOT NULL CHECK (kind IN (${list(['member', 'confirmed', 'client_drawn', 'client_oral'])})),
      -- The attendance row as the frozen payload lists it (attendance may be edited later).
      attendance_id TEXT,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      signer_user_id TEXT NOT NULL REFERENCES users(id),
      key_id TEXT NOT NULL REFERENCES user_keys(id),
      image TEXT CHECK (image IS NULL OR length(image) <= 700000),
      image_sha256 TEXT,
      witness TEXT CHECK (witness IS NULL OR length(witness) <= 200),
      signed_at TEXT NOT NULL,
      signature TEXT NOT NULL,
      CHECK ((kind IN ('member', 'confirmed')) = (attendance_id IS NOT NULL)),
      CHECK ((kind = 'client_drawn') = (image IS NOT NULL AND image_sha256 IS NOT NULL)),
      CHECK ((kind = 'client_oral') = (witness IS NOT NULL))
    ) STRICT;
    CREATE INDEX plan_signatures_version ON plan_signatures(version_id, signed_at);
    CREATE UNIQUE INDEX plan_signatures_one_per_person ON plan_signatures(version_id, attendance_id) WHERE attendance_id IS NOT NULL;
    CREATE UNIQUE INDEX plan_signatures_one_client ON plan_signatures(version_id) WHERE kind IN ('client_drawn', 'client_oral');

    -- Wrong passwords typed while signing, counted per member and version.
    CREATE TABLE plan_sign_attempts (
      version_id TEXT NOT NULL REFERENCES plan_versions(id),
      user_id TEXT NOT NULL REFERENCES users(id),
      failures INTEGER NOT NULL CHECK (failures >= 0),
      last_failed_at TEXT NOT NULL,
      PRIMARY KEY (version_id, user_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE case_coordinators (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      kind TEXT NOT NULL CHECK (kind IN ('user', 'external')),
      user_id TEXT REFERENCES users(id),
      external_id TEXT REFERENCES team_externals(id),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
      profession TEXT CHECK (profession IS NULL OR length(profession) BETWEEN 1 AND 40),
      contact TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
      type TEXT NOT NULL CHECK (type IN (${list(['client_coordinator', 'work_ability_coordinator', 'own_worker'])})),
      start_date TEXT NOT NULL CHECK (${DATE('start_date')}),
      end_date TEXT CHECK (${DATE('end_date')}),
      -- Written by the team when this coordinator hands the client over.
      handover_note TEXT NOT NULL DEFAULT '' CHECK (length(handover_note) <= 4000),
      assigned_at TEXT NOT NULL,
      assigned_by TEXT NOT NULL REFERENCES users(id),
      CHECK ((kind = 'user') = (user_id IS NOT NULL)),
      CHECK (kind = 'external' OR external_id IS NULL)
    ) STRICT;
    CREATE UNIQUE INDEX case_coordinators_one_current ON case_coordinators(case_id) WHERE end_date IS NULL;
    CREATE INDEX case_coordinators_case ON case_coordinators(case_id, start_date);
    CREATE INDEX case_coordinators_user ON case_coordinators(user_id) WHERE end_date IS NULL;
    CREATE INDEX case_coordinators_external ON case_coordinators(external_id) WHERE end_date IS NULL;
  `);
}
