/**
 * The plan commands: `plan verify` (issue 6), `plans list` and `export-pdf` (issue 7). People know
 * a case by its number (2026-0042), scripts a plan by its id; both find the plan.
 */
import { resolve } from 'node:path';
import type { Output } from '../shared/api/contract.js';
import { AppError } from '../shared/api/errors.js';
import { CATALOGUE_LANGUAGES, type CatalogueLanguage } from '../shared/domain/catalogue.js';
import { initials, str, withSignedIn, writeOutput, type Flags } from './cli-support.js';

type Call = (channel: string, input: unknown) => Promise<unknown>;

/** The case of a plan id, or of a case number. */
async function findCase(call: Call, planId: string | undefined, caseNumber: string | undefined): Promise<{ caseId: string; caseNumber: string }> {
  if (planId) {
    const row = ((await call('plans.list', {})) as Output<'plans.list'>).find((r) => r.planId === planId);
    if (!row) throw new AppError('not_found', `No plan ${planId} in this store.`);
    return { caseId: row.caseId, caseNumber: row.caseNumber };
  }
  const rows = (await call('search.cases', { query: caseNumber })) as Output<'search.cases'>;
  const row = rows.find((r) => r.number === caseNumber);
  if (!row) throw new AppError('not_found', `No case ${caseNumber} in this store.`);
  return { caseId: row.caseId, caseNumber: row.number };
}

/** Staff are named; the client only by initials, as everywhere on a terminal. */
const signerLabel = (kind: string, name: string) => (kind === 'client_drawn' || kind === 'client_oral' ? initials(name) : name);

export async function planCommand(sub: string | undefined, flags: Flags): Promise<void> {
  const planFlag = str(flags, 'plan');
  const caseNumber = str(flags, 'case');
  if (sub !== 'verify' || (!planFlag && !caseNumber)) throw new AppError('invalid_input', 'Usage: plan verify --data DIR (--plan ID | --case NUMBER) [--user NAME]');
  const result = await withSignedIn(flags, async (call) => {
    let planId = planFlag;
    if (!planId) {
      // People know the case number (2026-0042), not the plan's id.
      const rows = (await call('search.cases', { query: caseNumber })) as Output<'search.cases'>;
      const row = rows.find((r) => r.number === caseNumber);
      if (!row) throw new AppError('not_found', `No case ${caseNumber} in this store.`);
      const summary = (await call('plans.forCase', { caseId: row.caseId })) as Output<'plans.forCase'>;
      if (!summary.planId) throw new AppError('not_found', `Case ${caseNumber} has no plan.`);
      planId = summary.planId;
    }
    return call('plans.verify', { planId }) as Promise<Output<'plans.verify'>>;
  });
  const mark = (valid: boolean) => (valid ? 'VALID  ' : 'INVALID');
  const lines: string[] = [];
  let ok = true;
  for (const v of result.versions) {
    if (v.valid === null) {
      lines.push(`DRAFT   version ${v.version}: not frozen, nothing to verify`);
      continue;
    }
    ok &&= v.valid;
    lines.push(`${mark(v.valid)} version ${v.version} (${v.state}): payload ${v.payloadValid ? 'intact' : 'does not match its hash or its rows'}, ${v.signatures.length} signatures`);
    for (const sig of v.signatures) lines.push(`${mark(sig.valid)} version ${v.version} signature ${sig.kind} ${signerLabel(sig.kind, sig.name)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!ok) process.exitCode = 1;
}

export async function plansCommand(sub: string | undefined, flags: Flags): Promise<void> {
  if (sub !== 'list') throw new AppError('invalid_input', 'Usage: plans list --data DIR [--user NAME]');
  const rows = await withSignedIn(flags, (call) => call('plans.list', {}) as Promise<Output<'plans.list'>>);
  // Initials as the app shows them ("L. L."), written without dots and spaces so a line splits on whitespace.
  process.stdout.write(rows.map((r) => `${r.planId}  ${r.caseNumber}  ${r.clientInitials.replace(/[.\s]/g, '')}  ${r.version}  ${r.state}\n`).join(''));
}

export async function exportPdfCommand(flags: Flags): Promise<void> {
  const usage = 'Usage: export-pdf --data DIR (--plan ID | --case NUMBER) --out FILE [--lang fi|sv|en] [--version N] [--full-identity-code]';
  const out = str(flags, 'out');
  const planFlag = str(flags, 'plan');
  const caseNumber = str(flags, 'case');
  if (!out || (!planFlag && !caseNumber)) throw new AppError('invalid_input', usage);
  const language = (str(flags, 'lang') ?? 'fi') as CatalogueLanguage;
  if (!CATALOGUE_LANGUAGES.includes(language)) throw new AppError('invalid_input', `The document's language is one of ${CATALOGUE_LANGUAGES.join(', ')}.`);
  const versionText = str(flags, 'version');
  const asked = versionText === undefined ? undefined : Number(versionText);
  if (asked !== undefined && (!Number.isSafeInteger(asked) || asked < 1)) throw new AppError('invalid_input', `Not a version number: ${versionText}`);
  const target = resolve(out);
  const r = await withSignedIn(flags, async (call) => {
    const found = await findCase(call, planFlag, caseNumber);
    const summary = (await call('plans.forCase', { caseId: found.caseId })) as Output<'plans.forCase'>;
    if (!summary.planId || summary.versions.length === 0) throw new AppError('not_found', `Case ${found.caseNumber} has no plan.`);
    // Without --version: the plan in force (the newest signed version), or the newest if none is signed yet.
    const signed = summary.versions.filter((v) => v.lockedAt !== null);
    const chosen = asked !== undefined ? summary.versions.find((v) => v.version === asked) : (signed.at(-1) ?? summary.versions.at(-1));
    if (!chosen) throw new AppError('not_found', `Case ${found.caseNumber} has no plan version ${asked}.`);
    const pdf = (await call('plans.exportPdf', { caseId: found.caseId, version: chosen.version, language, fullIdentityCode: flags['full-identity-code'] === true })) as Output<'plans.exportPdf'>;
    return { ...pdf, caseNumber: found.caseNumber, version: chosen.version, state: chosen.state };
  });
  writeOutput(target, Buffer.from(r.pdfBase64, 'base64'));
  const draft = r.draft ? ' It is not signed: every page is marked DRAFT / LUONNOS / UTKAST.' : '';
  const sealed = r.sealed ? " Sealed with the organisation's certificate (pdfsig FILE checks it)." : '';
  process.stdout.write(`Plan of case ${r.caseNumber}, version ${r.version} (${r.state}), in ${language}: ${r.pages} pages written to ${target}.${draft}${sealed}\n`);
}
