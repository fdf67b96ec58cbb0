import type { Db } from '../connection.js';

/** A form's unsaved draft: only ever read or written for the user who typed it. */
export interface Draft {
  formKey: string;
  clientId: string | null;
  data: Record<string, unknown>;
  updatedAt: string;
}

interface DraftRow {
  form_key: string;
  client_id: string | null;
  data: string;
  updated_at: string;
}

export function getDraft(db: Db, userId: string, formKey: string): Draft | undefined {
  const r = db.prepare('SELECT form_key, client_id, data, updated_at FROM form_drafts WHERE user_id = ? AND form_key = ?').get(userId, formKey) as DraftRow | undefined;
  return r && { formKey: r.form_key, clientId: r.client_id, data: JSON.parse(r.data) as Record<string, unknown>, updatedAt: r.updated_at };
}

/** Creates or replaces the user's draft of the form; `json` is the data already serialised. */
export function saveDraft(db: Db, userId: string, formKey: string, clientId: string | null, json: string, at: string): void {
  db.prepare(
    `INSERT INTO form_drafts (user_id, form_key, client_id, data, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(user_id, form_key) DO UPDATE SET client_id = excluded.client_id, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(userId, formKey, clientId, json, at);
}

export function deleteDraft(db: Db, userId: string, formKey: string): void {
  db.prepare('DELETE FROM form_drafts WHERE user_id = ? AND form_key = ?').run(userId, formKey);
}

/** Removes every user's drafts last saved before `before` (ISO); returns how many went. */
export function deleteDraftsBefore(db: Db, before: string): number {
  return db.prepare('DELETE FROM form_drafts WHERE updated_at < ?').run(before).changes;
}
