import type { Db } from '../connection.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const STEPS = list(['opening', 'situation', 'client_view', 'functioning', 'benefits', 'rehabilitation', 'conclusion', 'plan', 'coordinator', 'sign']);

/**
 * Team meetings (issue 5): teams with their members and external regulars, meetings with agendas
 * and attendance, and the assessment record stored one field per row (last write wins per field).
 *
 * A case is on at most one agenda that is still to be discussed: the partial unique index on
 * agenda_items says so, whatever meeting the item belongs to (items of a finished meeting are never
 * pending or in progress: finishing carries them over).
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE teams (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      required_sectors TEXT NOT NULL CHECK (json_valid(required_sectors) AND json_type(required_sectors) = 'array'),
      new_case_minutes INTEGER NOT NULL CHECK (new_case_minutes BETWEEN 1 AND 120),
      review_minutes INTEGER NOT NULL CHECK (review_minutes BETWEEN 1 AND 120),
      review_interval_months INTEGER NOT NULL CHECK (review_interval_months BETWEEN 1 AND 24),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE team_members (
      team_id TEXT NOT NULL REFERENCES teams(id),
      user_id TEXT NOT NULL REFERENCES users(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (team_id, user_id)
    ) STRICT;

    -- Regulars without an account; kept (inactive) once attendance names them.
    CREATE TABLE team_externals (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
      profession TEXT NOT NULL CHECK (length(profession) BETWEEN 1 AND 40),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      position INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX team_externals_team ON team_externals(team_id, position);

    CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
      place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 200),
      chair_id TEXT NOT NULL REFERENCES users(id),
      state TEXT NOT NULL CHECK (state IN ('scheduled', 'in_progress', 'finished')),
      -- Where the shared screen is (an agenda item of this meeting; checked by the use case).
      current_item_id TEXT,
      current_step TEXT NOT NULL DEFAULT 'opening' CHECK (current_step IN (${STEPS})),
      restricted_revealed INTEGER NOT NULL DEFAULT 0 CHECK (restricted_revealed IN (0, 1)),
      created_by TEXT NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      CHECK ((state = 'scheduled') = (started_at IS NULL)),
      CHECK ((state = 'finished') = (finished_at IS NOT NULL))
    ) STRICT;
    CREATE INDEX meetings_date ON meetings(date, time);
    CREATE INDEX meetings_team ON meetings(team_id, state, date);

    CREATE TABLE agenda_items (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      position INTEGER NOT NULL CHECK (position >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('new', 'review')),
      time_box_minutes INTEGER NOT NULL CHECK (time_box_minutes BETWEEN 1 AND 120),
      state TEXT NOT NULL CHECK (state IN ('pending', 'in_progress', 'discussed', 'carried_over')),
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('assessed', 'carried_over', 'removed')),
      outcome_reason TEXT NOT NULL DEFAULT '' CHECK (length(outcome_reason) <= 2000),
      -- Time spent in earlier runs; the current run began at running_since (wall clock, UTC ISO).
      elapsed_ms INTEGER NOT NULL DEFAULT 0 CHECK (elapsed_ms >= 0),
      running_since TEXT,
      carried_from_item_id TEXT REFERENCES agenda_items(id),
      carried_to_item_id TEXT REFERENCES agenda_items(id),
      carried_to_date TEXT,
      added_by TEXT NOT NULL REFERENCES users(id),
      added_at TEXT NOT NULL,
      CHECK (running_since IS NULL OR state = 'in_progress'),
      CHECK ((state IN ('pending', 'in_progress')) = (outcome IS NULL)),
      CHECK ((state = 'carried_over') = (outcome IS 'carried_over')),
      CHECK ((state = 'carried_over') = (carried_to_date IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX agenda_items_position ON agenda_items(meeting_id, position);
    CREATE UNIQUE INDEX agenda_items_one_open_per_case ON agenda_items(case_id) WHERE state IN ('pending', 'in_progress');
    CREATE INDEX agenda_items_case ON agenda_items(case_id, outcome);

    CREATE TABLE meeting_attendance (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      position INTEGER NOT NULL,
      user_id TEXT REFERENCES users(id),
      external_id TEXT REFERENCES team_externals(id),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      profession TEXT NOT NULL CHECK (length(profession) BETWEEN 1 AND 40),
      organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
      status TEXT NOT NULL CHECK (status IN ('present', 'remote', 'absent')),
      CHECK (user_id IS NULL OR external_id IS NULL)
    ) STRICT;
    CREATE INDEX meeting_attendance_meeting ON meeting_attendance(meeting_id, position);
    CREATE INDEX meeting_attendance_external ON meeting_attendance(external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE assessments (
      item_id TEXT PRIMARY KEY REFERENCES agenda_items(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES users(id)
    ) STRICT;
    CREATE INDEX assessments_case ON assessments(case_id);

    -- One row per canonical field key (shared/domain/assessment.ts fieldKey); value is JSON.
    CREATE TABLE assessment_fields (
      item_id TEXT NOT NULL REFERENCES assessments(item_id),
      key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
      value TEXT NOT NULL CHECK (json_valid(value) AND length(value) <= 200000),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES users(id),
      PRIMARY KEY (item_id, key)
    ) STRICT, WITHOUT ROWID;
  `);
}
