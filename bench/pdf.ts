/**
 * `npm run bench:pdf` (also part of `npm run bench`): the plan as a PDF (issue 7) through the
 * backend's own channel on a real encrypted store, for two signed plans of one meeting:
 *   small:   3 goals and 6 actions, five members and the client signing (about three pages);
 *   large:   20 goals and 100 actions (the table runs over several pages);
 *   export:  plans.exportPdf end to end: reading and verifying the version, the layout, fonts
 *            subset and embedded, PDF/A-3b metadata, the attached payload, the seal (a PDF
 *            signature with the organisation's certificate), base64 for the wire;
 *   seal:    the signing alone (placeholder-plain + signer-p12) and making a new seal;
 *   floor:   pdfkit writing the same text (every string the export drew, recorded on one run)
 *            with both fonts embedded but no layout, tagging, PDF/A or attachment: what any PDF
 *            with this text costs here.
 * Seeded, so runs do the same work. BENCH_PDF_RUNS sets the runs per figure (default 15). The key
 * derivation is the cheap one: signing is not what is measured here (bench/plan.ts measures it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import type { Output } from '../shared/api/contract.js';
import { todayInFinland } from '../shared/domain/dates.js';
import type { Profession } from '../shared/domain/user.js';
import { createBackend } from '../electron/backend/index.js';
import { fontData } from '../electron/backend/pdf/fonts.js';
import { inspectPlanPdf } from '../electron/backend/pdf/verify-pdf.js';
import { generateSeal, sealPdf } from '../electron/backend/pdf/seal.js';
import { concludeItem, readyCase, writePlanContent, type Call } from './plan-content.js';
import { name, rng } from './rng.js';

const SEED = 7_2026;
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 15);
const MEMBERS = 5;
const PASSWORD = 'benchmark password';
const KDF = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 };
const PROFESSIONS: Profession[] = ['social_worker', 'physician', 'employment_expert', 'psychologist', 'job_coach'];
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SENTENCES = ['Asiakas haluaa palata kaupan alalle osa-aikaisesti.', 'Selkäkipu rajoittaa pitkiä työpäiviä.', 'Työkokeilu Åbo Akademin kahvilassa, jos paikka löytyy.', 'Kuntoutus ensin, sitten työnhaku.', 'Päivärytmi ja uni ovat jo parempia.'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A case assessed in the meeting, with its plan written (goals, actions, coordinator) and frozen. */
async function plannedCase(call: Call, r: () => number, ctx: { meetingId: string; itemId: string; caseId: string; people: { id: string; displayName: string }[]; today: string }, goals: number, actions: number): Promise<Output<'plans.get'>> {
  const sentence = () => SENTENCES[Math.floor(r() * SENTENCES.length)]!;
  const v = await writePlanContent(call, r, {
    caseId: ctx.caseId,
    today: ctx.today,
    goals,
    actions,
    people: ctx.people,
    texts: { goal: () => `${sentence()} ${sentence()}`, measure: sentence, clientWords: sentence, action: (_, free) => (free || r() < 0.3 ? sentence() : '') },
  });
  return call('plans.freeze', { planId: v.planId, version: 1, meetingId: ctx.meetingId, quorumReason: '' });
}

/** Every string pdfkit is asked to draw while `fn` runs (the floor writes the same text). */
async function recordText(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = (PDFDocument as unknown as { prototype: { text: (...args: unknown[]) => unknown } }).prototype;
  const original = proto.text;
  const seen: string[] = [];
  proto.text = function (this: unknown, ...args: unknown[]) {
    seen.push(String(args[0]));
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.text = original;
  }
  return seen;
}

/** pdfkit alone: the same text, both fonts embedded, flowed by pdfkit with no layout of ours. */
function floor(lines: readonly string[]): Promise<number> {
  const fonts = fontData();
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
  doc.registerFont('Sans', fonts.regular);
  doc.registerFont('Sans-Bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<number>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(doc.bufferedPageRange().start + doc.bufferedPageRange().count));
  });
  doc.font('Sans-Bold').fontSize(10).text(lines[0] ?? '');
  doc.font('Sans').text(lines.slice(1).join('\n'));
  doc.end();
  return done;
}

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ first: number; median: number; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { first: times[0]!, median: median(times.slice(1)), last };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-bench-pdf-'));
  const backend = createBackend({ dataDir: join(dir, 'store'), version: 'bench', log: () => {}, kdf: KDF });
  const call: Call = async (channel, input) => {
    const res = await backend.invoke(channel, input);
    if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
    return res.value as Output<typeof channel>;
  };
  const r = rng(SEED);
  const today = todayInFinland();
  try {
    const chair = (await call('store.create', { organisationName: 'Kainuun hyvinvointialue', adminDisplayName: 'Bench Chair', adminUsername: 'bench', adminProfession: 'social_worker', password: PASSWORD })).status.user!;
    const people = [{ id: chair.id, displayName: 'Bench Chair', profession: 'social_worker' as Profession, password: PASSWORD }];
    for (let i = 1; i < MEMBERS; i++) {
      const profession = PROFESSIONS[i % PROFESSIONS.length]!;
      const u = await call('users.create', { username: `member${i}`, displayName: name(r), profession, organisation: 'Kainuu', role: 'team_member', password: `${PASSWORD} ${i}` });
      people.push({ id: u.id, displayName: u.displayName, profession, password: `${PASSWORD} ${i}` });
    }
    const team = await call('teams.save', { name: 'Kajaanin työkykytiimi', memberIds: people.map((p) => p.id), externals: [], requiredSectors: ['social_care', 'health_care', 'employment_services'], newCaseMinutes: 20, reviewMinutes: 10, reviewIntervalMonths: 6 });
    const caseIds: string[] = [];
    for (let i = 0; i < 2; i++) caseIds.push(await readyCase(call, name(r), today));
    const meeting = await call('meetings.create', { teamId: team.id, date: today, time: '09:00', place: 'Neuvotteluhuone', chairId: chair.id });
    for (const caseId of caseIds) await call('meetings.addItem', { meetingId: meeting.id, caseId });
    const started = await call('meetings.start', {
      meetingId: meeting.id,
      attendance: people.map((p) => ({ userId: p.id, externalId: null, name: p.displayName, profession: p.profession, organisation: 'Kainuu', status: 'present' as const })),
    });
    const plans: Output<'plans.get'>[] = [];
    for (const [i, caseId] of caseIds.entries()) {
      const itemId = started.items[i]!.id;
      await concludeItem(call, meeting.id, itemId, [
        { kind: 'text', field: 'conclusion.statement', value: 'Työkyky osittain alentunut; työkokeilu sopii.' },
        { kind: 'text', field: 'conclusion.strengths', value: 'Motivoitunut, aiempi työkokemus.' },
        { kind: 'text', field: 'conclusion.barriers', value: 'Selkäkipu, epäsäännöllinen uni.' },
        { kind: 'teamRating', value: 6 },
        { kind: 'servicePath', value: 'work_trial' },
        { kind: 'clientAgreement', value: 'agrees' },
      ]);
      const frozen = await plannedCase(call, r, { meetingId: meeting.id, itemId, caseId, people, today }, i === 0 ? 3 : 20, i === 0 ? 6 : 100);
      for (const p of people) await call('plans.sign', { planId: frozen.planId, version: 1, attendanceId: frozen.signers.find((s) => s.userId === p.id)!.attendanceId, password: p.password });
      plans.push(await call('plans.clientSign', { planId: frozen.planId, version: 1, method: 'drawn', image: PNG, witness: null, chairPassword: PASSWORD }));
    }

    const exportOf = (p: Output<'plans.get'>) => () => call('plans.exportPdf', { caseId: p.caseId, version: 1, language: 'fi', fullIdentityCode: false });
    const small = await timed(RUNS, exportOf(plans[0]!));
    const large = await timed(Math.max(3, Math.ceil(RUNS / 2)), exportOf(plans[1]!));
    const smallText = await recordText(exportOf(plans[0]!));
    const largeText = await recordText(exportOf(plans[1]!));
    const smallFloor = await timed(RUNS, () => floor(smallText));
    const largeFloor = await timed(RUNS, () => floor(largeText));
    // The seal alone: the placeholder and the RSA-2048 SHA-256 signature on the small plan's own pdfkit bytes
    // (the export above includes it: every signed version is sealed).
    const signedBytes = Buffer.from(small.last.pdfBase64, 'base64');
    const unsealed = signedBytes.subarray(0, signedBytes.indexOf('%%EOF') + 5);
    const keygen = await timed(4, () => generateSeal('Kainuun hyvinvointialue'));
    const sealing = await timed(RUNS, () => sealPdf(unsealed, keygen.last, { reason: 'Tiimipöytä: bench', name: 'Kainuun hyvinvointialue', location: 'Suomi' }));
    // Verifying: the file alone (seal, payload, every signature), and through pdf.verify against the store.
    const largeBytes = Buffer.from(large.last.pdfBase64, 'base64');
    const verifyFile = await timed(RUNS, async () => inspectPlanPdf(signedBytes));
    const verifyLarge = await timed(RUNS, async () => inspectPlanPdf(largeBytes));
    const verifyStore = await timed(RUNS, () => call('pdf.verify', { pdfBase64: small.last.pdfBase64 }));
    if (verifyFile.last.checks.some((c) => c.ok === false) || verifyStore.last.verdict !== 'valid') throw new Error('the exported plan did not verify');
    const kb = (o: Output<'plans.exportPdf'>) => `${Math.round((o.pdfBase64.length * 3) / 4 / 1024)} KB`;
    console.log(`pdf: small plan 3 goals, 6 actions → ${small.last.pages} pages (${kb(small.last)}); large plan 20 goals, 100 actions → ${large.last.pages} pages (${kb(large.last)}); ${MEMBERS} members and the client signed`);
    console.log(`export of the ${small.last.pages}-page plan (plans.exportPdf end to end), first ${small.first.toFixed(1)} ms, median of ${RUNS - 1}: ${small.median.toFixed(1)} ms (target ≤ 300 ms)`);
    console.log(`export of the 100-action plan (${large.last.pages} pages), first ${large.first.toFixed(1)} ms, median of ${Math.max(3, Math.ceil(RUNS / 2)) - 1}: ${large.median.toFixed(1)} ms`);
    console.log(`of which the seal (placeholder-plain + signer-p12, RSA-2048 SHA-256): median of ${RUNS - 1}: ${sealing.median.toFixed(1)} ms; a new seal (key pair, certificate, PKCS#12), median of 3: ${keygen.median.toFixed(1)} ms (sealed: ${small.last.sealed})`);
    console.log(`verify (seal over the whole file, payload hash, ${verifyFile.last.signatures.length} Ed25519 signatures): ${small.last.pages}-page file median ${verifyFile.median.toFixed(1)} ms, ${large.last.pages}-page file ${verifyLarge.median.toFixed(1)} ms; pdf.verify with the store's checks and the access log ${verifyStore.median.toFixed(1)} ms (medians of ${RUNS - 1})`);
    console.log(`floor, pdfkit writing the same text without layout (${smallText.length} / ${largeText.length} strings → ${smallFloor.last} / ${largeFloor.last} pages), median of ${RUNS - 1}: ${smallFloor.median.toFixed(1)} ms / ${largeFloor.median.toFixed(1)} ms`);
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
