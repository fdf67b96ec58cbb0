/**
 * The signing round (issue 6, item 4; DOMAIN.md step 10): the quorum check and freezing a draft
 * into its canonical payload, then one signature per person at the table and the client's, each
 * an Ed25519 signature by the signer's own key (unsealed with their password) over a statement
 * naming the payload's SHA-256. The last required signature locks the version.
 *
 * Refusals: a wrong password is counted in its own committed transaction and stores nothing
 * (`wrong_password` with the count; `too_many_attempts` from the fifth on, for five minutes).
 * The chair confirms those who cannot sign with a key: remote members and people without an
 * account. A present member with an account signs themselves: asking the chair to confirm them is
 * refused with `invalid_input` (details.reason 'signs_themselves').
 */
import { randomUUID, sign as signBytes, type KeyObject } from 'node:crypto';
import type { Output, ParsedInput, PlanVersion } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { normaliseName } from '../../shared/domain/client.js';
import { sectorOf } from '../../shared/domain/meeting.js';
import type { PlanPayload } from '../../shared/domain/plan-payload.js';
import {
  missingSectors,
  outstandingSignatures,
  PLAN_LIMITS,
  quorumSatisfied,
  requiredSignatures,
  versionRefusal,
  type SignatureKind,
} from '../../shared/domain/plan.js';
import { listFields } from '../../db/repositories/assessments.js';
import { getProvider, getService } from '../../db/repositories/catalogue.js';
import { getCase, setCaseStatus } from '../../db/repositories/cases.js';
import { getClient } from '../../db/repositories/clients.js';
import { currentCoordinator } from '../../db/repositories/coordinators.js';
import { getMeeting, listAttendance, type MeetingRecord } from '../../db/repositories/meetings.js';
import { clearSignAttempts, deleteSignatures, getSignAttempts, insertSignature, listSignatures, recordSignFailure } from '../../db/repositories/plan-signatures.js';
import { agendaItemFor, assessedItems, freezeVersion, listActions, lockVersion, resetProgress, setSnapshots, unfreezeVersion, type VersionRecord } from '../../db/repositories/plans.js';
import { currentUserKey, type UserKey } from '../../db/repositories/user-keys.js';
import { getUser } from '../../db/repositories/users.js';
import { unwrapSigningKey } from '../../db/signing-keys.js';
import type { OpenStore } from '../../db/store.js';
import { record } from './access.js';
import { requireRole, type BackendContext } from './context.js';
import { loadMeeting, loadTeam, requireInProgress } from './meeting-view.js';
import { assemblePayload, parsePayload, pngBytes, sha256Hex, statementBytes, type Snapshots } from './plan-payload-build.js';
import { contentOfVersion, loadPlan, loadVersion, problemsOf, refuse, versionView, withPlan, WRITERS, type PlanRef } from './plan-view.js';
import { requireOpenCase } from './plans.js';

/* Freezing ----------------------------------------------------------------------------------- */

export function snapshotsOf(s: OpenStore, actions: readonly { id: string; serviceId: string | null; providerId: string | null }[]): Map<string, Snapshots> {
  return new Map(
    actions.map((a) => {
      const service = a.serviceId === null ? undefined : getService(s.db, a.serviceId);
      const provider = a.providerId === null ? undefined : getProvider(s.db, a.providerId);
      return [
        a.id,
        {
          service: service ? { id: service.id, names: { ...service.names } } : null,
          provider: provider ? { id: provider.id, organisation: provider.organisation, unit: provider.unit, contact: provider.contact } : null,
        },
      ];
    }),
  );
}

/** The payload of a version frozen now in meeting `m` (everything read inside the caller's transaction). */
function payloadFor(s: OpenStore, ref: PlanRef, v: VersionRecord, m: MeetingRecord, itemId: string, quorum: PlanPayload['quorum'], frozenAt: string): { payload: PlanPayload; snapshots: Map<string, Snapshots> } {
  const { content } = contentOfVersion(s, v);
  const snapshots = snapshotsOf(s, content.actions);
  const client = getClient(s.db, ref.c.clientId)!;
  const team = loadTeam(s, m.teamId);
  // The conclusion of this meeting's item if the team completed it, else of the latest assessment.
  const here = assessedItems(s.db, ref.c.id);
  const assessed = here.find((i) => i.itemId === itemId) ?? here[0];
  const coordinator = currentCoordinator(s.db, ref.c.id);
  const payload = assemblePayload({
    planId: ref.plan.id,
    version: v.version,
    frozenAt,
    case: { id: ref.c.id, number: ref.c.number },
    client: { id: client.id, name: client.name, identityCode: client.identityCode ?? null },
    meeting: { id: m.id, date: m.date, teamId: team.id, teamName: team.name, chairUserId: m.chairId, chairName: getUser(s.db, m.chairId)?.displayName ?? '' },
    assessment: assessed ? { itemId: assessed.itemId, meetingDate: assessed.meetingDate, fields: listFields(s.db, assessed.itemId) } : null,
    content,
    snapshots,
    coordinator: coordinator
      ? { kind: coordinator.kind, userId: coordinator.userId, name: coordinator.name, organisation: coordinator.organisation, profession: coordinator.profession, contact: coordinator.contact, type: coordinator.type, startDate: coordinator.startDate }
      : null,
    attendance: listAttendance(s.db, m.id).map((a) => ({ attendanceId: a.id, userId: a.userId, externalId: a.externalId, name: a.name, profession: a.profession, organisation: a.organisation, status: a.status })),
    quorum,
  });
  return { payload, snapshots };
}

export function freeze(ctx: BackendContext, input: ParsedInput<'plans.freeze'>): Output<'plans.freeze'> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  requireOpenCase(ref.c);
  const m = loadMeeting(s, input.meetingId);
  requireInProgress(m);
  const access = (view: PlanVersion) => ({
    action: 'plan.freeze',
    basis: 'team_meeting' as const,
    details: { version: view.version, meetingId: m.id, missingSectors: view.quorum?.missingSectors ?? [], payloadSha256: view.payloadSha256 },
  });
  const view = withPlan(s, ref, access, () => {
    const v = loadVersion(s, ref.plan.id, input.version);
    const refusal = versionRefusal(v.state, 'freeze');
    if (refusal) refuse(refusal, v.state);
    const item = agendaItemFor(s.db, m.id, ref.c.id);
    if (!item) throw new AppError('not_eligible', 'The case is not on this meeting\'s agenda.');
    const problems = problemsOf(s, ref.c.id, contentOfVersion(s, v).content);
    if (problems.length) throw new AppError('plan_incomplete', 'The plan is not complete.', { problems });
    const team = loadTeam(s, m.teamId);
    const missing = missingSectors(team.requiredSectors, listAttendance(s.db, m.id).map((a) => ({ sectorOfProfession: sectorOf(a.profession), status: a.status })));
    const reason = input.quorumReason.normalize('NFC').trim();
    if (!quorumSatisfied(missing, reason)) throw new AppError('quorum_reason_required', 'A required sector is missing; record why the team decides anyway.', { missingSectors: missing });
    const quorum = { requiredSectors: [...team.requiredSectors], missingSectors: missing, reason: missing.length ? reason : '' };
    const frozenAt = new Date().toISOString();
    const { payload, snapshots } = payloadFor(s, ref, v, m, item.itemId, quorum, frozenAt);
    const text = canonicalJson(payload);
    for (const [actionId, snap] of snapshots) setSnapshots(s.db, v.id, actionId, snap.service, snap.provider);
    freezeVersion(s.db, v.id, { meetingId: m.id, quorum, frozenAt, payload: text, payloadSha256: sha256Hex(text), by: s.user.id });
    return v.version;
  });
  ctx.emit('plans.changed', { caseId: ref.c.id });
  return view;
}

export function reopen(ctx: BackendContext, input: ParsedInput<'plans.reopen'>): Output<'plans.reopen'> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  requireOpenCase(ref.c);
  let discarded = 0;
  const view = withPlan(s, ref, () => ({ action: 'plan.reopen', details: { version: input.version, discardedSignatures: discarded } }), () => {
    const v = loadVersion(s, ref.plan.id, input.version);
    const refusal = versionRefusal(v.state, 'reopen');
    if (refusal) refuse(refusal, v.state);
    discarded = deleteSignatures(s.db, v.id);
    unfreezeVersion(s.db, v.id, new Date().toISOString(), s.user.id);
    return v.version;
  });
  ctx.emit('plans.changed', { caseId: ref.c.id });
  return view;
}

/* Signing ------------------------------------------------------------------------------------ */

interface Round {
  v: VersionRecord;
  meeting: MeetingRecord;
  payload: PlanPayload;
}

/** A version that may be signed now: frozen, its meeting running, its payload intact. */
function round(s: OpenStore, ref: PlanRef, version: number): Round {
  const v = loadVersion(s, ref.plan.id, version);
  const refusal = versionRefusal(v.state, 'sign');
  if (refusal) refuse(refusal, v.state);
  const meeting = getMeeting(s.db, v.meetingId!)!;
  requireInProgress(meeting);
  const payload = parsePayload(v.payload);
  // Never sign a payload that no longer hashes to what was frozen.
  if (!payload || sha256Hex(v.payload!) !== v.payloadSha256) throw new AppError('store_damaged', 'The frozen plan does not match its hash; reopen and freeze it again.');
  return { v, meeting, payload };
}

const clientSigned = (sigs: readonly { kind: SignatureKind }[]) => sigs.some((x) => x.kind === 'client_drawn' || x.kind === 'client_oral');

function refuseIfSigned(s: OpenStore, versionId: string, attendanceId: string | null): void {
  const sigs = listSignatures(s.db, versionId);
  if (attendanceId === null ? clientSigned(sigs) : sigs.some((x) => x.attendanceId === attendanceId)) throw new AppError('already_signed', 'Already signed.');
}

/** The chair's key, for confirming and for the client's signature; the chair must be at the table. */
function chairOf(s: OpenStore, r: Round): { userId: string; key: UserKey } {
  const chairId = r.meeting.chairId;
  const atTable = r.payload.attendance.some((a) => a.userId === chairId && a.status !== 'absent');
  const key = currentUserKey(s.db, chairId);
  if (!atTable || !key || !getUser(s.db, chairId)?.active) throw new AppError('not_chair', 'The meeting\'s chair confirms this, and the chair is not at the table.');
  return { userId: chairId, key };
}

/**
 * The signer's private key, or a refusal. A wrong password is counted and logged in a
 * transaction of its own, which commits although the call fails.
 */
async function unlock(s: OpenStore, ref: PlanRef, v: VersionRecord, key: UserKey, password: string): Promise<KeyObject> {
  const attempts = getSignAttempts(s.db, v.id, key.userId);
  const lockoutMs = PLAN_LIMITS.signLockoutMinutes * 60_000;
  if (attempts && attempts.failures >= PLAN_LIMITS.signAttempts && Date.now() - Date.parse(attempts.lastFailedAt) < lockoutMs) {
    throw new AppError('too_many_attempts', 'Too many wrong passwords; signing waits.', { retryAfterSeconds: Math.ceil((Date.parse(attempts.lastFailedAt) + lockoutMs - Date.now()) / 1000) });
  }
  const privateKey = await unwrapSigningKey(key, password);
  if (privateKey) return privateKey;
  const failures = s.db.transaction(() => {
    const n = recordSignFailure(s.db, v.id, key.userId, new Date().toISOString());
    record(s, { action: 'plan.signRefused', basis: 'team_meeting', clientId: ref.c.clientId, entity: `plan:${ref.plan.id}`, details: { version: v.version, signerUserId: key.userId, attempts: n } });
    return n;
  })();
  throw new AppError('wrong_password', 'The password is not right.', { attempts: failures, max: PLAN_LIMITS.signAttempts });
}

interface NewSignature {
  kind: SignatureKind;
  attendanceId: string | null;
  name: string;
  signerUserId: string;
  image: string | null;
  imageSha256: string | null;
  witness: string | null;
}

/**
 * Writes a signature (the version's state checked again: the password took a while) and, when it
 * was the last one needed, locks the version and moves an assessed case to "plan signed".
 */
function commit(ctx: BackendContext, s: OpenStore, ref: PlanRef, version: number, sig: NewSignature, key: UserKey, privateKey: KeyObject): PlanVersion {
  let caseMoved = false;
  const view = s.db.transaction(() => {
    const r = round(s, ref, version);
    refuseIfSigned(s, r.v.id, sig.attendanceId);
    const signedAt = new Date().toISOString();
    const statement = statementBytes({ planId: ref.plan.id, version, payloadSha256: r.v.payloadSha256!, keyId: key.id, signedAt, ...sig });
    const id = randomUUID();
    insertSignature(s.db, { id, versionId: r.v.id, keyId: key.id, signedAt, signature: signBytes(null, statement, privateKey).toString('base64'), ...sig });
    clearSignAttempts(s.db, r.v.id, sig.signerUserId);
    const where = { basis: 'team_meeting' as const, clientId: ref.c.clientId, entity: `plan:${ref.plan.id}` };
    record(s, { action: 'plan.sign', ...where, details: { version, kind: sig.kind, signerUserId: sig.signerUserId, attendanceId: sig.attendanceId, signatureId: id } });
    const needed = requiredSignatures(r.payload.attendance.map((a) => ({ attendanceId: a.attendanceId, userId: a.userId, status: a.status })));
    if (outstandingSignatures(needed, listSignatures(s.db, r.v.id)).length === 0) {
      lockVersion(s.db, r.v.id, signedAt);
      resetProgress(s.db, ref.plan.id, listActions(s.db, r.v.id), signedAt, s.user.id);
      const c = getCase(s.db, ref.c.id)!;
      if (c.status === 'assessed') {
        setCaseStatus(s.db, c.id, 'plan_signed', null, signedAt);
        caseMoved = true;
      }
      record(s, { action: 'plan.lock', ...where, details: { version, caseStatus: caseMoved ? 'plan_signed' : c.status } });
    }
    return versionView(s, ref, loadVersion(s, ref.plan.id, version));
  })();
  ctx.emit('plans.changed', { caseId: ref.c.id });
  if (caseMoved) ctx.emit('clients.changed', {});
  return view;
}

export async function sign(ctx: BackendContext, input: ParsedInput<'plans.sign'>): Promise<Output<'plans.sign'>> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  const r = round(s, ref, input.version);
  const attendee = r.payload.attendance.find((a) => a.attendanceId === input.attendanceId);
  // Absent, remote, unknown and account-less people do not sign with a key of their own.
  if (!attendee || attendee.status !== 'present' || attendee.userId === null) throw new AppError('not_present', 'Only a member present in the room signs for themselves.');
  refuseIfSigned(s, r.v.id, attendee.attendanceId);
  const key = currentUserKey(s.db, attendee.userId);
  if (!key || !getUser(s.db, attendee.userId)?.active) throw new AppError('forbidden', 'This account cannot sign: it is closed.');
  const privateKey = await unlock(s, ref, r.v, key, input.password);
  const sig = { kind: 'member' as const, attendanceId: attendee.attendanceId, name: attendee.name, signerUserId: attendee.userId, image: null, imageSha256: null, witness: null };
  return commit(ctx, s, ref, input.version, sig, key, privateKey);
}

export async function confirm(ctx: BackendContext, input: ParsedInput<'plans.confirm'>): Promise<Output<'plans.confirm'>> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  const r = round(s, ref, input.version);
  const attendee = r.payload.attendance.find((a) => a.attendanceId === input.attendanceId);
  if (!attendee || attendee.status === 'absent') throw new AppError('not_present', 'Only someone at the table is confirmed.');
  if (attendee.status === 'present' && attendee.userId !== null) {
    throw new AppError('invalid_input', 'A member present with an account signs with their own password.', { fields: ['attendanceId'], reason: 'signs_themselves' });
  }
  refuseIfSigned(s, r.v.id, attendee.attendanceId);
  const chair = chairOf(s, r);
  const privateKey = await unlock(s, ref, r.v, chair.key, input.chairPassword);
  const sig = { kind: 'confirmed' as const, attendanceId: attendee.attendanceId, name: attendee.name, signerUserId: chair.userId, image: null, imageSha256: null, witness: null };
  return commit(ctx, s, ref, input.version, sig, chair.key, privateKey);
}

export async function clientSign(ctx: BackendContext, input: ParsedInput<'plans.clientSign'>): Promise<Output<'plans.clientSign'>> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  const r = round(s, ref, input.version);
  refuseIfSigned(s, r.v.id, null);
  let details: Pick<NewSignature, 'kind' | 'image' | 'imageSha256' | 'witness'>;
  if (input.method === 'drawn') {
    const bytes = input.image === null ? null : pngBytes(input.image, PLAN_LIMITS.signatureImageBytes);
    if (!bytes) throw new AppError('signature_image_invalid', 'The drawn signature is not a PNG image of an allowed size.');
    details = { kind: 'client_drawn', image: input.image, imageSha256: sha256Hex(bytes), witness: null };
  } else {
    const witness = normaliseName(input.witness ?? '');
    if (!witness) throw new AppError('invalid_input', 'Name who witnessed the oral agreement.', { fields: ['witness'] });
    details = { kind: 'client_oral', image: null, imageSha256: null, witness };
  }
  const chair = chairOf(s, r);
  const privateKey = await unlock(s, ref, r.v, chair.key, input.chairPassword);
  return commit(ctx, s, ref, input.version, { ...details, attendanceId: null, name: r.payload.client.name, signerUserId: chair.userId }, chair.key, privateKey);
}
