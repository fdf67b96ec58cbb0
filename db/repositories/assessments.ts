/**
 * The assessment record of an agenda item, one row per canonical field key (see fieldKey in
 * shared/domain/assessment.ts) with its last writer, so two windows lose only an older value of
 * the very same field. Client data: only backend modules that log access use it.
 */
import type { Db } from '../connection.js';

export interface AssessmentRecord {
  itemId: string;
  caseId: string;
  createdAt: string;
  createdBy: string;
}

export interface StoredField {
  value: unknown;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export function getAssessment(db: Db, itemId: string): AssessmentRecord | undefined {
  const r = db.prepare('SELECT * FROM assessments WHERE item_id = ?').get(itemId) as { item_id: string; case_id: string; created_at: string; created_by: string } | undefined;
  return r && { itemId: r.item_id, caseId: r.case_id, createdAt: r.created_at, createdBy: r.created_by };
}

export function insertAssessment(db: Db, a: AssessmentRecord): void {
  db.prepare('INSERT INTO assessments (item_id, case_id, created_at, created_by) VALUES (?, ?, ?, ?)').run(a.itemId, a.caseId, a.createdAt, a.createdBy);
}

/** Writes one field (last write wins). */
export function putField(db: Db, itemId: string, key: string, value: unknown, by: string, at: string): void {
  db.prepare(
    `INSERT INTO assessment_fields (item_id, key, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(item_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(itemId, key, JSON.stringify(value), at, by);
}

interface FieldRow {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

const FIELD_SQL = `SELECT f.key, f.value, f.updated_at, f.updated_by, u.display_name AS updated_by_name
  FROM assessment_fields f JOIN users u ON u.id = f.updated_by WHERE f.item_id = ?`;

const rowToField = (r: FieldRow): StoredField => ({ value: JSON.parse(r.value) as unknown, updatedAt: r.updated_at, updatedBy: r.updated_by, updatedByName: r.updated_by_name });

export function listFields(db: Db, itemId: string): Record<string, StoredField> {
  const rows = db.prepare(`${FIELD_SQL} ORDER BY f.key`).all(itemId) as FieldRow[];
  return Object.fromEntries(rows.map((r) => [r.key, rowToField(r)]));
}

export function getField(db: Db, itemId: string, key: string): StoredField | undefined {
  const row = db.prepare(`${FIELD_SQL} AND f.key = ?`).get(itemId, key) as FieldRow | undefined;
  return row && rowToField(row);
}

/** A carried-over item keeps what the team typed: the record goes with the case to its new item. */
export function copyAssessment(db: Db, fromItemId: string, toItemId: string, at: string, by: string): void {
  const from = getAssessment(db, fromItemId);
  if (!from) return;
  insertAssessment(db, { itemId: toItemId, caseId: from.caseId, createdAt: at, createdBy: by });
  db.prepare('INSERT INTO assessment_fields (item_id, key, value, updated_at, updated_by) SELECT ?, key, value, updated_at, updated_by FROM assessment_fields WHERE item_id = ?').run(
    toItemId,
    fromItemId,
  );
}
