import type { BackgroundSection } from '../../shared/domain/preparation.js';
import type { Db } from '../connection.js';

export interface SavedSection {
  data: Record<string, unknown>;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ClientView {
  goals: string;
  helps: string;
  hinders: string;
  selfRating: number | null;
  waiTotal: number | null;
  kykyviisari: Record<string, number>;
  updatedAt: string;
}

export function saveSection(db: Db, caseId: string, section: BackgroundSection, data: unknown, text: string, by: string, at: string): void {
  db.prepare(
    `INSERT INTO case_background (case_id, section, data, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(case_id, section) DO UPDATE SET data = excluded.data, text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(caseId, section, JSON.stringify(data), text, at, by);
}

export function listSections(db: Db, caseId: string): Map<BackgroundSection, SavedSection> {
  const rows = db.prepare('SELECT section, data, text, updated_at, updated_by FROM case_background WHERE case_id = ?').all(caseId) as {
    section: BackgroundSection;
    data: string;
    text: string;
    updated_at: string;
    updated_by: string;
  }[];
  return new Map(rows.map((r) => [r.section, { data: JSON.parse(r.data) as Record<string, unknown>, text: r.text, updatedAt: r.updated_at, updatedBy: r.updated_by }]));
}

export function saveClientView(db: Db, caseId: string, v: Omit<ClientView, 'updatedAt'>, by: string, at: string): void {
  db.prepare(
    `INSERT INTO client_views (case_id, goals, helps, hinders, self_rating, wai_total, kykyviisari, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(case_id) DO UPDATE SET goals = excluded.goals, helps = excluded.helps, hinders = excluded.hinders, self_rating = excluded.self_rating,
       wai_total = excluded.wai_total, kykyviisari = excluded.kykyviisari, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(caseId, v.goals, v.helps, v.hinders, v.selfRating, v.waiTotal, JSON.stringify(v.kykyviisari), at, by);
}

export function getClientView(db: Db, caseId: string): ClientView | undefined {
  const r = db.prepare('SELECT * FROM client_views WHERE case_id = ?').get(caseId) as
    | { goals: string; helps: string; hinders: string; self_rating: number | null; wai_total: number | null; kykyviisari: string; updated_at: string }
    | undefined;
  return r && {
    goals: r.goals,
    helps: r.helps,
    hinders: r.hinders,
    selfRating: r.self_rating,
    waiTotal: r.wai_total,
    kykyviisari: JSON.parse(r.kykyviisari) as Record<string, number>,
    updatedAt: r.updated_at,
  };
}

export function savePlanning(db: Db, caseId: string, bringNote: string, proposedMeetingDate: string | null, at: string): void {
  db.prepare('UPDATE cases SET bring_note = ?, proposed_meeting_date = ?, updated_at = ? WHERE id = ?').run(bringNote, proposedMeetingDate, at, caseId);
}

export function getPlanning(db: Db, caseId: string): { bringNote: string; proposedMeetingDate: string | null } | undefined {
  const r = db.prepare('SELECT bring_note, proposed_meeting_date FROM cases WHERE id = ?').get(caseId) as { bring_note: string; proposed_meeting_date: string | null } | undefined;
  return r && { bringNote: r.bring_note, proposedMeetingDate: r.proposed_meeting_date };
}
