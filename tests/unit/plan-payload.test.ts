import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assemblePayload, contentFromRows, pngBytes, statementBytes, type PayloadSources } from '../../electron/backend/plan-payload-build.js';
import { canonicalBytes, canonicalJson } from '../../shared/domain/canonical.js';
import { contentOf } from '../../shared/domain/plan-payload.js';
import type { PlanContent } from '../../shared/domain/plan.js';

const sha = (v: unknown) => createHash('sha256').update(canonicalBytes(v)).digest('hex');

const content = (nfd = false): PlanContent => {
  const t = (s: string) => (nfd ? s.normalize('NFD') : s);
  return {
    goals: [
      { id: 'g1', text: t('Osa-aikatyö kaupan alalta'), targetDate: '2027-01-31', progressMeasure: t('Työkokeilu alkanut'), acceptance: 'agrees', clientWords: '' },
      { id: 'g2', text: t('Selkäkivun hoito'), targetDate: null, progressMeasure: '', acceptance: 'partly', clientWords: t('Haluan ensin töihin.') },
    ],
    actions: [
      { id: 'a1', serviceId: 'svc-ips', text: '', providerId: 'p1', responsible: t('Eero Eskola'), startDate: '2026-12-01', dueDate: '2027-03-31', goalIds: ['g1'], status: 'planned' },
      { id: 'a2', serviceId: null, text: t('Kuntouttava ohjaus'), providerId: null, responsible: t('Åsa Öhman'), startDate: null, dueDate: '2027-02-28', goalIds: ['g1', 'g2'], status: 'ongoing' },
    ],
    reviewDate: '2027-06-01',
    statutoryRefs: [{ kind: 'activation_plan', number: '12/2026', date: '2026-11-01' }],
  };
};

const sources = (nfd = false): PayloadSources => ({
  planId: 'plan-1',
  version: 1,
  frozenAt: '2026-11-24T10:15:00.000Z',
  case: { id: 'case-1', number: '2026-0042' },
  client: { id: 'client-1', name: nfd ? 'Liisa Mäki'.normalize('NFD') : 'Liisa Mäki', identityCode: '120580-901P' },
  meeting: { id: 'm-1', date: '2026-11-24', teamId: 't-1', teamName: 'Kajaanin työkykytiimi', chairUserId: 'u-1', chairName: 'Aino Ahonen' },
  assessment: { itemId: 'i-1', meetingDate: '2026-11-24', fields: { 'text:conclusion.statement': { value: 'Työkyky osittainen' }, teamRating: { value: 6 }, servicePath: { value: 'work_trial' } } },
  content: content(nfd),
  snapshots: new Map([
    ['a1', { service: { id: 'svc-ips', names: { fi: 'IPS-tuettu työllistyminen', sv: 'IPS', en: 'IPS' } }, provider: { id: 'p1', organisation: 'Kainuun IPS', unit: '', contact: '044' } }],
    ['a2', { service: null, provider: null }],
  ]),
  coordinator: { kind: 'user', userId: 'u-3', name: 'Eero Eskola', organisation: 'TE', profession: 'employment_expert', contact: '', type: 'work_ability_coordinator', startDate: '2026-11-24' },
  attendance: [{ attendanceId: 'at-1', userId: 'u-1', externalId: null, name: 'Aino Ahonen', profession: 'social_worker', organisation: 'Kainuu', status: 'present' }],
  quorum: { requiredSectors: ['social_care'], missingSectors: [], reason: '' },
});

/** The same object with every member list written in the opposite order, all the way down. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
  return v;
}

describe('the canonical plan payload', () => {
  it('is the same bytes for the same plan, whatever the order the members were written in', () => {
    const a = assemblePayload(sources());
    const b = reversedKeys(assemblePayload(sources()));
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(canonicalBytes(b)).toEqual(canonicalBytes(a));
    expect(sha(b)).toBe(sha(a));
  });

  it('does not depend on how the text was normalised (NFC and NFD give the same bytes)', () => {
    const nfc = assemblePayload(sources(false));
    const nfd = assemblePayload(sources(true));
    expect(nfd.client.name).not.toBe(nfc.client.name);
    expect(canonicalJson(nfd)).toBe(canonicalJson(nfc));
    expect(sha(nfd)).toBe(sha(nfc));
  });

  it('every documented field is there, absent values as null', () => {
    const p = assemblePayload(sources());
    expect(Object.keys(p).sort()).toEqual(['actions', 'assessment', 'attendance', 'case', 'client', 'coordinator', 'format', 'frozenAt', 'goals', 'meeting', 'planId', 'quorum', 'reviewDate', 'statutoryPlans', 'version']);
    expect(p.format).toBe('tiimipoyta.plan/1');
    expect(p.assessment!.conclusion).toEqual({
      statement: 'Työkyky osittainen', strengths: '', barriers: '', servicePath: 'work_trial', servicePathOther: '', teamRating: 6, clientAgreement: null, clientView: '', clientGrounds: '', teamGrounds: '',
    });
    expect(p.actions[1]).toEqual({ id: 'a2', service: null, text: 'Kuntouttava ohjaus', provider: null, responsible: 'Åsa Öhman', startDate: null, dueDate: '2027-02-28', goalIds: ['g1', 'g2'], status: 'ongoing' });
    expect(canonicalJson(p)).not.toContain('undefined');
  });

  it('any change to the content changes the SHA-256', () => {
    const base = sha(assemblePayload(sources()));
    const variants: ((s: PayloadSources) => void)[] = [
      (s) => (s.content.goals[0]!.text += '.'),
      (s) => (s.content.goals[1]!.acceptance = 'agrees'),
      (s) => (s.content.actions[0]!.responsible = 'Pekka Pitkänen'),
      (s) => (s.content.actions[0]!.dueDate = '2027-03-30'),
      (s) => (s.content.actions[1]!.goalIds = ['g2', 'g1']),
      (s) => (s.content.actions[1]!.status = 'done'),
      (s) => s.content.actions.reverse(),
      (s) => (s.content.reviewDate = '2027-06-02'),
      (s) => (s.content.statutoryRefs[0]!.number = '13/2026'),
      (s) => (s.quorum = { ...s.quorum, reason: 'x' }),
      (s) => (s.coordinator = null),
      (s) => (s.attendance = [{ ...s.attendance[0]!, status: 'remote' }]),
      (s) => (s.snapshots = new Map([['a1', { service: { id: 'svc-ips', names: { fi: 'IPS', sv: 'IPS', en: 'IPS' } }, provider: null }]])),
    ];
    const hashes = variants.map((change) => {
      const s = sources();
      change(s);
      return sha(assemblePayload(s));
    });
    expect(hashes.every((h) => h !== base)).toBe(true);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('the content part rebuilt from stored rows equals the payload’s, and differs when a row does', () => {
    const p = assemblePayload(sources());
    const c = content();
    const snap = sources().snapshots;
    const rows = c.actions.map((a) => ({ ...a, serviceSnapshot: snap.get(a.id)!.service && JSON.stringify(snap.get(a.id)!.service), providerSnapshot: snap.get(a.id)!.provider && JSON.stringify(snap.get(a.id)!.provider) }));
    expect(canonicalJson(contentFromRows(c.reviewDate, c.statutoryRefs, c.goals, rows))).toBe(canonicalJson(contentOf(p)));
    const tampered = rows.map((r, i) => (i === 0 ? { ...r, responsible: 'x' } : r));
    expect(canonicalJson(contentFromRows(c.reviewDate, c.statutoryRefs, c.goals, tampered))).not.toBe(canonicalJson(contentOf(p)));
    // A service id changed without its copy cannot match either.
    const moved = rows.map((r, i) => (i === 0 ? { ...r, serviceId: 'svc-work-trial' } : r));
    expect(canonicalJson(contentFromRows(c.reviewDate, c.statutoryRefs, c.goals, moved))).not.toBe(canonicalJson(contentOf(p)));
  });

  it('a signature statement is fixed text naming the payload hash', () => {
    const bytes = statementBytes({ planId: 'p', version: 2, payloadSha256: 'a'.repeat(64), kind: 'client_oral', signerUserId: 'u', keyId: 'k', attendanceId: null, name: 'Liisa', imageSha256: null, witness: 'Eero', signedAt: '2026-11-24T10:00:00.000Z' });
    expect(new TextDecoder().decode(bytes)).toBe(
      `{"attendanceId":null,"format":"tiimipoyta.plan-signature/1","imageSha256":null,"keyId":"k","kind":"client_oral","name":"Liisa","payloadSha256":"${'a'.repeat(64)}","planId":"p","signedAt":"2026-11-24T10:00:00.000Z","signerUserId":"u","version":2,"witness":"Eero"}`,
    );
  });

  it('accepts a PNG data URL only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(pngBytes(png, 1000)?.length).toBe(70);
    expect(pngBytes(png, 69)).toBeNull();
    expect(pngBytes(png.replace('image/png', 'image/gif'), 1000)).toBeNull();
    expect(pngBytes('data:image/png;base64,R0lGODlhAQABAAAAACw=', 1000)).toBeNull();
    expect(pngBytes('data:image/png;base64,iVBO!!==', 1000)).toBeNull();
    expect(pngBytes('data:image/png;base64,', 1000)).toBeNull();
  });
});
