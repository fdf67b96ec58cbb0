/**
 * Case files: one case, encrypted under a passphrase, carried from one store to another (a
 * colleague in another municipality, a machine being replaced). The format is in db/case-file.ts.
 *
 * Ids: the exported ids are kept when they are free here (later plan items refer to stable ids,
 * and re-importing the same case is then recognisable as "already imported"); a consent whose id is
 * taken by another client gets a new one. The case number is kept if free, otherwise the next
 * number of this store is given and the original is kept in the access event. The exporting
 * store's users do not exist here, so the importing user becomes the creator, recorder and
 * preparer of what is imported; the original times are kept.
 */
import { randomUUID } from 'node:crypto';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { formatCaseNumber } from '../../shared/domain/case.js';
import { caseFilePayloadSchema, type CaseFilePayload } from '../../shared/domain/case-file-schema.js';
import { maskHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { BACKGROUND_SECTIONS, maySeeRestricted } from '../../shared/domain/preparation.js';
import { CASE_FILE_EXTENSION, decodeBase64Strict, openCaseFile, sealCaseFile, type CaseFileHeader } from '../../db/case-file.js';
import { LATEST_VERSION } from '../../db/migrate.js';
import { caseNumberTaken } from '../../db/repositories/case-import.js';
import { getCase, getReferral, insertCase, listCasesForClient, nextCaseSequence, upsertReferral } from '../../db/repositories/cases.js';
import { findClientByIdentityCode, getClient, insertClient, type FullClient } from '../../db/repositories/clients.js';
import { getConsent, insertConsent, listConsentsForClient } from '../../db/repositories/consents.js';
import { getClientView, getPlanning, listSections, saveClientView, savePlanning, saveSection } from '../../db/repositories/preparation.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, type BackendContext } from './context.js';

function loadPayload(s: OpenStore, caseId: string): CaseFilePayload {
  const c = getCase(s.db, caseId);
  if (!c) throw new AppError('not_found', 'No such case.');
  const client = getClient(s.db, c.clientId)!;
  const planning = getPlanning(s.db, c.id)!;
  const background: CaseFilePayload['background'] = {};
  const mayRestricted = maySeeRestricted(s.user.profession);
  for (const [section, saved] of listSections(s.db, c.id)) {
    if (section === 'restricted' && !mayRestricted) continue;
    // The stored data was validated when saved; the schema re-checks it on import.
    Object.assign(background, { [section]: { data: saved.data, text: saved.text, updatedAt: saved.updatedAt } });
  }
  const view = getClientView(s.db, c.id);
  return {
    client: {
      id: client.id, name: client.name, language: client.language, createdAt: client.createdAt, updatedAt: client.updatedAt,
      identityCode: client.identityCode, birthDate: client.birthDate, interpreterNeeded: client.interpreterNeeded,
      interpreterLanguage: client.interpreterLanguage, phone: client.phone, email: client.email, address: client.address, municipality: client.municipality,
    },
    case: {
      id: c.id, number: c.number, status: c.status, outcome: c.outcome, createdAt: c.createdAt, updatedAt: c.updatedAt, closedAt: c.closedAt,
      bringNote: planning.bringNote, proposedMeetingDate: planning.proposedMeetingDate,
    },
    referral: getReferral(s.db, c.id) ?? null,
    consents: listConsentsForClient(s.db, c.clientId).map(({ clientId: _c, recordedBy: _r, ...rest }) => rest),
    background,
    clientView: view ? { ...view, kykyviisari: { ...view.kykyviisari } } : null,
    exportedBy: { name: s.user.displayName, profession: s.user.profession },
  };
}

export async function exportCase(ctx: BackendContext, input: ParsedInput<'cases.export'>): Promise<Output<'cases.export'>> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const c = getCase(s.db, input.caseId);
  if (!c) throw new AppError('not_found', 'No such case.');
  const payload = withAccess(s, { action: 'case.export', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}` }, () => loadPayload(s, c.id));
  const bytes = await sealCaseFile(payload, input.passphrase, { schemaVersion: LATEST_VERSION, exportedAt: new Date().toISOString(), kdf: ctx.kdf });
  return { filename: `asia-${c.number}${CASE_FILE_EXTENSION}`, data: bytes.toString('base64') };
}

async function readFile(data: string, passphrase: string): Promise<{ header: CaseFileHeader; payload: CaseFilePayload }> {
  const { header, payload } = await openCaseFile(decodeBase64Strict(data), passphrase, LATEST_VERSION);
  const parsed = caseFilePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ');
    throw new AppError('case_file_damaged', `The case file opened but its contents do not check out (${where}).`, { fields: parsed.error.issues.slice(0, 10).map((i) => i.path.join('.')) });
  }
  return { header, payload: parsed.data };
}

/** The client here that the file's client is: same identity code, or the same record imported before. */
function existingClient(s: OpenStore, p: CaseFilePayload): FullClient | undefined {
  return (p.client.identityCode ? findClientByIdentityCode(s.db, p.client.identityCode) : undefined) ?? getClient(s.db, p.client.id);
}

export async function previewImport(ctx: BackendContext, input: ParsedInput<'cases.importPreview'>): Promise<Output<'cases.importPreview'>> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const { header, payload: p } = await readFile(input.data, input.passphrase);
  const clash = existingClient(s, p);
  return withAccess(s, { action: 'case.importPreview', basis: 'case_preparation', clientId: clash?.id ?? null, entity: `case:${p.case.id}`, details: { exportedAt: header.exportedAt } }, () => ({
    clientName: p.client.name,
    identityCodeMasked: p.client.identityCode ? maskHenkilotunnus(p.client.identityCode) : null,
    caseNumber: p.case.number,
    status: p.case.status,
    exportedAt: header.exportedAt,
    exportedBy: p.exportedBy.name,
    counts: {
      consents: p.consents.length,
      backgroundSections: BACKGROUND_SECTIONS.filter((sec) => p.background[sec] !== undefined).length,
      attachments: p.referral?.attachments.length ?? 0,
      clientView: p.clientView ? 1 : 0,
    },
    identityCodeClash: clash ? { clientId: clash.id, name: clash.name } : null,
    alreadyImported: getCase(s.db, p.case.id) !== undefined,
  }));
}

interface Imported {
  clientId: string;
  caseId: string;
  caseNumber: string;
  originalNumber: string | null;
  attachedToExisting: boolean;
}

function writeImport(s: OpenStore, p: CaseFilePayload, onClash: ParsedInput<'cases.import'>['onIdentityCodeClash']): Imported {
  if (getCase(s.db, p.case.id)) throw new AppError('already_imported', 'This case has been imported into this store already.', { caseId: p.case.id });
  const me = s.user.id;
  const existing = existingClient(s, p);
  let clientId = p.client.id;
  if (existing) {
    if (onClash === 'refuse') throw new AppError('identity_code_clash', 'A client with the same identity code exists here.', { clientId: existing.id, name: existing.name });
    clientId = existing.id;
    const open = listCasesForClient(s.db, existing.id).find((c) => c.status !== 'closed');
    if (open && p.case.status !== 'closed') throw new AppError('open_case_exists', 'The client already has an open case here.', { caseId: open.id, number: open.number });
  } else {
    const { updatedAt: _u, ...client } = p.client;
    insertClient(s.db, { ...client, createdBy: me });
  }
  const now = new Date();
  const number = caseNumberTaken(s.db, p.case.number) ? formatCaseNumber(now.getUTCFullYear(), nextCaseSequence(s.db, now.getUTCFullYear())) : p.case.number;
  const c = p.case;
  insertCase(s.db, { id: c.id, number, clientId, status: c.status, outcome: c.outcome, preparerId: me, createdAt: c.createdAt, updatedAt: c.updatedAt, closedAt: c.closedAt });
  savePlanning(s.db, c.id, c.bringNote, c.proposedMeetingDate, c.updatedAt);
  if (p.referral) upsertReferral(s.db, c.id, p.referral);
  for (const consent of p.consents) {
    const taken = getConsent(s.db, consent.id);
    // The same consent came with an earlier case of this client: it is here already.
    if (taken?.clientId === clientId) continue;
    insertConsent(s.db, { ...consent, id: taken ? randomUUID() : consent.id, clientId, recordedBy: me });
  }
  for (const section of BACKGROUND_SECTIONS) {
    const saved = p.background[section];
    if (saved) saveSection(s.db, c.id, section, saved.data, saved.text, me, saved.updatedAt);
  }
  if (p.clientView) {
    const { updatedAt, ...view } = p.clientView;
    saveClientView(s.db, c.id, { ...view, kykyviisari: { ...view.kykyviisari } as Record<string, number> }, me, updatedAt);
  }
  return { clientId, caseId: c.id, caseNumber: number, originalNumber: number === c.number ? null : c.number, attachedToExisting: existing !== undefined };
}

export async function importCase(ctx: BackendContext, input: ParsedInput<'cases.import'>): Promise<Output<'cases.import'>> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const { header, payload } = await readFile(input.data, input.passphrase);
  const r = withAccess(
    s,
    (r: Imported) => ({
      action: 'case.import',
      basis: 'case_preparation',
      clientId: r.clientId,
      entity: `case:${r.caseId}`,
      details: { exportedAt: header.exportedAt, exportedBy: payload.exportedBy.name, originalNumber: r.originalNumber, attachedToExisting: r.attachedToExisting },
    }),
    () => writeImport(s, payload, input.onIdentityCodeClash),
  );
  ctx.emit('clients.changed', {});
  return { clientId: r.clientId, caseId: r.caseId, caseNumber: r.caseNumber };
}
