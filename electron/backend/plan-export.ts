/**
 * The plan leaves the workbench (issue 7): one plan version as a PDF/A-3b document in fi, sv or en
 * (pdf/), and the list of every plan version for scripts (`plans list`).
 *
 * The export reads the version inside `withAccess` (the read and its log entry in one
 * transaction), then renders outside it: pdfkit finishes a document with a drawn signature
 * asynchronously, and the store is not held while it does. The log says which version, in which
 * language, whether the full identity code was shown, and the payload's SHA-256.
 *
 * A frozen, locked or superseded version is exported only if it verifies (payload against its hash
 * and rows, every signature): a PDF that says "signed" must not be made from a tampered store.
 *
 * Such a version is then sealed: signed as a PDF signature with the organisation's seal (pdf/seal.ts,
 * made on the first signed export if the store has none yet), covering the whole document. A draft
 * is never sealed: a sealed PDF says the organisation stands behind it.
 */
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { initialsOf } from '../../shared/domain/meeting.js';
import { listFields } from '../../db/repositories/assessments.js';
import { getClient } from '../../db/repositories/clients.js';
import { currentCoordinator } from '../../db/repositories/coordinators.js';
import { getOrganisation } from '../../db/repositories/organisation.js';
import { listSignatures, type SignatureRecord } from '../../db/repositories/plan-signatures.js';
import { PLAN_EVIDENCE_FORMAT, type PlanEvidence } from '../../shared/domain/pdf-verification.js';
import { assessedItems, getPlanForCase, listAllVersions, type VersionRecord } from '../../db/repositories/plans.js';
import { getClientView } from '../../db/repositories/preparation.js';
import { getTeam } from '../../db/repositories/teams.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireUser, type BackendContext } from './context.js';
import { planDocument, type DocumentSources, type PlanDocument, type VersionContent } from './pdf/plan-document.js';
import { documentTitle, renderPlanPdf } from './pdf/render-pdf.js';
import { sealPdf } from './pdf/seal.js';
import { conclusionOf } from './plan-payload-build.js';
import { snapshotsOf } from './plan-signing.js';
import { checkVersion } from './plan-verify.js';
import { basisFor, contentOfVersion, loadVersion, type PlanRef } from './plan-view.js';
import { loadCase } from './plans.js';
import { ensureSeal } from './seal.js';

/** What a draft says, from its rows and today's catalogue, coordinator and conclusion. */
function draftContent(s: OpenStore, ref: PlanRef, v: VersionRecord): VersionContent {
  const { content } = contentOfVersion(s, v);
  const snapshots = snapshotsOf(s, content.actions);
  const client = getClient(s.db, ref.c.clientId)!;
  const last = assessedItems(s.db, ref.c.id)[0];
  const co = currentCoordinator(s.db, ref.c.id);
  return {
    client: { id: client.id, name: client.name, identityCode: client.identityCode ?? null },
    goals: content.goals,
    actions: content.actions.map((a) => ({
      id: a.id,
      service: snapshots.get(a.id)?.service ?? null,
      text: a.text,
      provider: snapshots.get(a.id)?.provider ?? null,
      responsible: a.responsible,
      startDate: a.startDate,
      dueDate: a.dueDate,
      goalIds: a.goalIds,
      status: a.status,
    })),
    reviewDate: v.reviewDate,
    statutoryPlans: v.statutoryRefs,
    coordinator: co ? { kind: co.kind, userId: co.userId, name: co.name, organisation: co.organisation, profession: co.profession, contact: co.contact, type: co.type, startDate: co.startDate } : null,
    attendance: [],
    meeting: null,
    teamName: last ? (getTeam(s.db, last.teamId)?.name ?? null) : null,
    conclusion: last ? conclusionOf(listFields(s.db, last.itemId)) : null,
    quorum: null,
  };
}

/** The signatures as the PDF carries them, so the file alone is enough to check each one. */
function evidenceOf(planId: string, v: VersionRecord, sigs: readonly SignatureRecord[]): PlanEvidence {
  return {
    format: PLAN_EVIDENCE_FORMAT,
    planId,
    version: v.version,
    payloadSha256: v.payloadSha256!,
    locked: v.lockedAt !== null,
    signatures: sigs.map((x) => ({
      kind: x.kind,
      signerUserId: x.signerUserId,
      keyId: x.keyId,
      publicKey: x.publicKey,
      attendanceId: x.attendanceId,
      name: x.name,
      imageSha256: x.imageSha256,
      image: x.kind === 'client_drawn' ? x.image : null,
      witness: x.witness,
      signedAt: x.signedAt,
      signature: x.signature,
    })),
  };
}

/** Everything the document shows, read from the store (inside the caller's access transaction). */
function sourcesOf(s: OpenStore, ref: PlanRef, v: VersionRecord, fullIdentityCode: boolean): DocumentSources {
  const sigs = v.state === 'draft' ? [] : listSignatures(s.db, v.id);
  let content: VersionContent;
  if (v.state === 'draft') content = draftContent(s, ref, v);
  else {
    const { content: rows, actions } = contentOfVersion(s, v);
    const check = checkVersion(ref.plan.id, v, rows.goals, actions, sigs);
    if (!check.payloadValid || [...check.signatures.values()].some((ok) => !ok)) {
      throw new AppError('store_damaged', 'This plan version does not verify (its content or a signature was changed after signing); it is not exported.', { version: v.version });
    }
    const p = check.payload!;
    content = { ...p, teamName: p.meeting.teamName, conclusion: p.assessment?.conclusion ?? null };
  }
  return {
    planId: ref.plan.id,
    caseNumber: ref.c.number,
    version: { version: v.version, state: v.state, frozenAt: v.frozenAt, lockedAt: v.lockedAt, supersededAt: v.supersededAt },
    organisation: getOrganisation(s.db)?.name ?? '',
    fullIdentityCode,
    clientRating: getClientView(s.db, ref.c.id)?.selfRating ?? null,
    content,
    payload: v.state === 'draft' || v.payload === null || v.payloadSha256 === null ? null : { text: v.payload, sha256: v.payloadSha256 },
    signatures: sigs.map((x) => ({ kind: x.kind, attendanceId: x.attendanceId, name: x.name, signerName: x.signerName, witness: x.witness, signedAt: x.signedAt, image: x.image })),
    evidence: v.state === 'draft' || v.payloadSha256 === null ? null : evidenceOf(ref.plan.id, v, sigs),
  };
}

/** `plan-2026-0001-v1-sv.pdf`; a draft's name says so (`…-v2-draft-sv.pdf`). */
export function pdfFileName(d: Pick<PlanDocument, 'caseNumber' | 'version' | 'state'>, language: string): string {
  return `plan-${d.caseNumber}-v${d.version}${d.state === 'draft' ? '-draft' : ''}-${language}.pdf`;
}

const LOCATION = { fi: 'Suomi', sv: 'Finland', en: 'Finland' } as const;

/** The signature's reason, signer and place, in the document's language (the DN itself stays ASCII). */
function sealText(doc: PlanDocument, language: ParsedInput<'plans.exportPdf'>['language']) {
  return { reason: `Tiimipöytä: ${documentTitle(doc, language)}`, name: doc.organisation || 'Tiimipöytä', location: LOCATION[language] };
}

export async function exportPdf(ctx: BackendContext, input: ParsedInput<'plans.exportPdf'>): Promise<Output<'plans.exportPdf'>> {
  const s = requireUser(ctx);
  const c = loadCase(s, input.caseId);
  const plan = getPlanForCase(s.db, c.id);
  if (!plan) throw new AppError('not_found', 'The case has no plan yet.');
  const ref = { plan, c };
  const doc = withAccess(
    s,
    (d: PlanDocument) => ({
      action: 'plan.exportPdf',
      basis: basisFor(s, c.id),
      clientId: c.clientId,
      entity: `plan:${plan.id}`,
      details: { version: d.version, state: d.state, language: input.language, fullIdentityCode: input.fullIdentityCode, payloadSha256: d.payload?.sha256 ?? null },
    }),
    () => planDocument(sourcesOf(s, ref, loadVersion(s, plan.id, input.version), input.fullIdentityCode)),
  );
  const pdf = await renderPlanPdf(doc, input.language);
  const sealed = doc.state !== 'draft';
  const bytes = sealed ? await sealPdf(pdf.bytes, await ensureSeal(s), sealText(doc, input.language)) : pdf.bytes;
  return { fileName: pdfFileName(doc, input.language), pdfBase64: bytes.toString('base64'), pages: pdf.pages, draft: doc.draft, sealed };
}

export function list(ctx: BackendContext): Output<'plans.list'> {
  const s = requireUser(ctx);
  return withAccess(
    s,
    (rows: Output<'plans.list'>) => ({ action: 'plan.list', basis: 'administration', details: { versions: rows.length } }),
    () => listAllVersions(s.db).map(({ clientName, ...r }) => ({ ...r, clientInitials: initialsOf(clientName) })),
  );
}
