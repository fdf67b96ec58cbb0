import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrate.js';
import { sealCaseFile } from '../../db/case-file.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { makeHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { runCli } from '../fixtures/cli.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

type B = ReturnType<typeof testBackend>;
const PASSPHRASE = 'kaksi kissaa ja koira';
const CODE = makeHenkilotunnus({ year: 1985, month: 3, day: 14 }, 904);
const today = todayInFinland();
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let cleanups: (() => void)[] = [];
let a: B;
let b: B;
let dirA: string;
let dirB: string;
let clientId: string;
let caseId: string;
let caseNumber: string;

async function seed(x: B, name: string, identityCode?: string): Promise<{ clientId: string; caseId: string; caseNumber: string }> {
  const client = await x.value<{ id: string }>('clients.create', { name, language: 'fi', identityCode, phone: '040 123 4567', municipality: 'Kajaani', interpreterNeeded: true, interpreterLanguage: 'arabia' });
  const c = await x.value<{ id: string; number: string }>('cases.create', {
    clientId: client.id,
    referral: { source: 'social_care', referrerName: 'Sari S.', referrerOrganisation: 'Sosiaalitoimi', referralDate: today, reason: 'Pitkä työttömyys', attachments: [{ name: 'Lähete', location: 'Arkisto 3' }] },
  });
  return { clientId: client.id, caseId: c.id, caseNumber: c.number };
}

beforeEach(async () => {
  const ta = tempDir();
  const tb = tempDir();
  cleanups = [ta.cleanup, tb.cleanup];
  dirA = ta.dir;
  dirB = tb.dir;
  a = testBackend(dirA);
  b = testBackend(dirB);
  await a.value('store.create', SETUP);
  await b.value('store.create', SETUP);
  ({ clientId, caseId, caseNumber } = await seed(a, 'Liisa Laine', CODE));
  await a.value('cases.setStatus', { caseId, status: 'in_preparation' });
  await a.value('consents.create', { clientId, form: 'written', organisations: ['kela'], otherOrganisations: ['Työkeskus'], dataCategories: ['basic'], givenOn: today, validUntil: inDays(90), note: 'Kirjallinen' });
  await a.value('cases.saveSection', { caseId, section: { section: 'education', data: { level: 'vocational', qualifications: 'Lähihoitaja' }, text: 'Valmistui 2005.' } });
  await a.value('cases.saveSection', { caseId, section: { section: 'restricted', data: { substance: 'Ei', mentalHealth: 'Masennus' }, text: '' } });
  await a.value('cases.saveClientView', { caseId, view: { goals: 'Työkokeilu', helps: 'Liikunta', hinders: '', selfRating: 5, waiTotal: 30, kykyviisari: { physical: 6.5 } } });
  await a.value('cases.savePlanning', { caseId, bringNote: 'Toivoo työkokeilua.', proposedMeetingDate: inDays(14) });
});
afterEach(() => {
  a.backend.close();
  b.backend.close();
  for (const c of cleanups) c();
});

const exportA = async () => a.value<{ filename: string; data: string }>('cases.export', { caseId, passphrase: PASSPHRASE });
const importInto = (x: B, data: string, onIdentityCodeClash: 'refuse' | 'use_existing_client' = 'refuse', passphrase = PASSPHRASE) =>
  x.call('cases.import', { data, passphrase, onIdentityCodeClash });
const counts = async (x: B) => {
  const clients = await x.value<{ id: string }[]>('clients.list');
  const cases = await x.value<unknown[]>('worklist.list', { view: 'all' });
  return { clients: clients.length, cases: cases.length };
};
/** Who saved a section is a user of the store it was saved in; everything else must travel. */
const withoutSavers = (p: Record<string, unknown>) => {
  const background = Object.fromEntries(Object.entries(p.background as Record<string, Record<string, unknown>>).map(([k, { updatedBy: _, ...v }]) => [k, v]));
  const { readiness: _r, ...rest } = p;
  return { ...rest, background };
};
const container = (data: string) => JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as Record<string, unknown> & { sealed: Record<string, string> };
const encode = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64');

describe('case files between two stores', () => {
  it('carry the client, case, referral, consents, background and client view unchanged', async () => {
    const file = await exportA();
    expect(file.filename).toBe(`asia-${caseNumber}.tpcase`);
    const header = container(file.data);
    expect(header).toMatchObject({ format: 'tiimipoyta-case', version: 1, schemaVersion: LATEST_VERSION });
    expect(Buffer.from(file.data, 'base64').toString('utf8')).not.toContain('Liisa');

    const preview = await b.value<Record<string, unknown>>('cases.importPreview', { data: file.data, passphrase: PASSPHRASE });
    expect(preview).toMatchObject({ clientName: 'Liisa Laine', caseNumber, status: 'in_preparation', exportedBy: 'Aino Ahonen', identityCodeClash: null, alreadyImported: false });
    expect(preview.identityCodeMasked).toBe(`${CODE.slice(0, 7)}****`);
    expect(preview.counts).toMatchObject({ consents: 1, backgroundSections: 2, clientView: 1 });
    expect(await counts(b)).toEqual({ clients: 0, cases: 0 });

    const r = await importInto(b, file.data);
    expect(r).toEqual({ ok: true, value: { clientId, caseId, caseNumber } });
    expect(await b.value('clients.get', { clientId })).toEqual(await a.value('clients.get', { clientId }));
    expect(await b.value('clients.revealIdentityCode', { clientId })).toEqual({ identityCode: CODE });
    expect(await b.value('cases.listForClient', { clientId })).toEqual(await a.value('cases.listForClient', { clientId }));
    const prepA = await a.value<Record<string, unknown>>('cases.getPreparation', { caseId });
    const prepB = await b.value<Record<string, unknown>>('cases.getPreparation', { caseId });
    expect(withoutSavers(prepB)).toEqual(withoutSavers(prepA));
    expect(Object.keys(prepB.background as object).sort()).toEqual(['education', 'restricted']);

    const logA = await a.value<{ events: { action: string }[] }>('audit.clientReport', { clientId });
    const logB = await b.value<{ events: { action: string }[] }>('audit.clientReport', { clientId });
    expect(logA.events.map((e) => e.action)).toContain('case.export');
    expect(logB.events.map((e) => e.action)).toContain('case.import');
    expect((await b.value<{ ok: boolean }>('audit.verify')).ok).toBe(true);

    expect(await b.code('cases.import', { data: file.data, passphrase: PASSPHRASE, onIdentityCodeClash: 'use_existing_client' })).toBe('already_imported');
    expect((await b.value<{ alreadyImported: boolean }>('cases.importPreview', { data: file.data, passphrase: PASSPHRASE })).alreadyImported).toBe(true);
  });

  it('leave the restricted section behind when the exporter may not see it', async () => {
    await a.value('users.create', { username: 'olli', displayName: 'Olli Ohjaaja', profession: 'employment_expert', organisation: '', role: 'team_member', password: PASSWORD });
    await a.value('session.lock');
    await a.value('session.signIn', { username: 'olli', password: PASSWORD });
    await a.value('session.changePassword', { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` });
    const file = await exportA();
    await importInto(b, file.data);
    const prepB = await b.value<{ background: object }>('cases.getPreparation', { caseId });
    expect(Object.keys(prepB.background)).toEqual(['education']);
  });

  it('refuse a wrong passphrase, a changed byte or header, writing nothing', async () => {
    const file = await exportA();
    const before = await counts(b);
    expect(await b.code('cases.importPreview', { data: file.data, passphrase: 'wrong passphrase' })).toBe('wrong_passphrase');
    expect((await importInto(b, file.data, 'refuse', 'wrong passphrase'))).toMatchObject({ ok: false, error: { code: 'wrong_passphrase', message: expect.stringMatching(/wrong passphrase or changed file/) } });

    const c = container(file.data);
    const ct = Buffer.from(c.sealed.ciphertext!, 'base64');
    ct[Math.floor(ct.length / 2)]! ^= 0x01;
    expect(await b.code('cases.import', { data: encode({ ...c, sealed: { ...c.sealed, ciphertext: ct.toString('base64') } }), passphrase: PASSPHRASE, onIdentityCodeClash: 'refuse' })).toBe('wrong_passphrase');
    expect(await b.code('cases.import', { data: encode({ ...c, exportedAt: '2020-01-01T00:00:00.000Z' }), passphrase: PASSPHRASE, onIdentityCodeClash: 'refuse' })).toBe('wrong_passphrase');
    expect(await b.code('cases.import', { data: encode({ ...c, schemaVersion: 1 }), passphrase: PASSPHRASE, onIdentityCodeClash: 'refuse' })).toBe('wrong_passphrase');
    expect(await counts(b)).toEqual(before);
  });

  it('name truncated, newer, garbage and wrongly shaped files for what they are', async () => {
    const file = await exportA();
    const bytes = Buffer.from(file.data, 'base64');
    const half = bytes.subarray(0, Math.floor(bytes.length / 2)).toString('base64');
    expect(['not_a_case_file', 'case_file_damaged']).toContain(await b.code('cases.importPreview', { data: half, passphrase: PASSPHRASE }));
    expect(['not_a_case_file', 'case_file_damaged']).toContain(await b.code('cases.importPreview', { data: file.data.slice(0, -3), passphrase: PASSPHRASE }));
    const c = container(file.data);
    expect(await b.code('cases.importPreview', { data: encode({ ...c, version: 2 }), passphrase: PASSPHRASE })).toBe('case_file_newer');
    expect(await b.code('cases.importPreview', { data: encode({ ...c, schemaVersion: LATEST_VERSION + 10 }), passphrase: PASSPHRASE })).toBe('case_file_newer');
    expect(await b.code('cases.importPreview', { data: encode({ ...c, format: 'something-else' }), passphrase: PASSPHRASE })).toBe('not_a_case_file');
    expect(await b.code('cases.importPreview', { data: randomBytes(100_000).toString('base64'), passphrase: PASSPHRASE })).toBe('not_a_case_file');
    expect(await b.code('cases.importPreview', { data: 'not base64 at all!', passphrase: PASSPHRASE })).toBe('not_a_case_file');
    const odd = await sealCaseFile({ client: { name: 'x' } }, PASSPHRASE, { schemaVersion: LATEST_VERSION, exportedAt: new Date().toISOString(), kdf: FAST_KDF });
    expect(await b.code('cases.import', { data: odd.toString('base64'), passphrase: PASSPHRASE, onIdentityCodeClash: 'refuse' })).toBe('case_file_damaged');
    expect(await counts(b)).toEqual({ clients: 0, cases: 0 });
  });

  it('refuse an identity-code clash unless told to attach the case to the client here', async () => {
    const here = await b.value<{ id: string }>('clients.create', { name: 'Liisa Laine-Virtanen', language: 'fi', identityCode: CODE });
    const file = await exportA();
    expect((await b.value<{ identityCodeClash: unknown }>('cases.importPreview', { data: file.data, passphrase: PASSPHRASE })).identityCodeClash).toEqual({ clientId: here.id, name: 'Liisa Laine-Virtanen' });
    expect(await importInto(b, file.data)).toMatchObject({ ok: false, error: { code: 'identity_code_clash', details: { clientId: here.id, name: 'Liisa Laine-Virtanen' } } });
    expect(await counts(b)).toEqual({ clients: 1, cases: 0 });

    const r = await importInto(b, file.data, 'use_existing_client');
    expect(r).toMatchObject({ ok: true, value: { clientId: here.id, caseId } });
    expect((await b.value<{ name: string }>('clients.get', { clientId: here.id })).name).toBe('Liisa Laine-Virtanen');
    expect(await counts(b)).toEqual({ clients: 1, cases: 1 });
    expect((await b.value<{ consents: unknown[] }>('cases.getPreparation', { caseId })).consents).toHaveLength(1);
    expect(await importInto(b, file.data, 'use_existing_client')).toMatchObject({ ok: false, error: { code: 'already_imported' } });
  });

  it('refuse a second open case for the existing client, and renumber a taken case number', async () => {
    const here = await seed(b, 'Liisa Laine', CODE);
    const file = await exportA();
    expect(await importInto(b, file.data, 'use_existing_client')).toMatchObject({ ok: false, error: { code: 'open_case_exists' } });
    await b.value('cases.setStatus', { caseId: here.caseId, status: 'closed', outcome: 'other' });
    const r = await importInto(b, file.data, 'use_existing_client');
    expect(r.ok && (r.value as { caseNumber: string }).caseNumber).not.toBe(caseNumber);
    expect(here.caseNumber).toBe(caseNumber);
  });
});

describe('case files on the command line', () => {
  it('case export, case import and cases list (initials, never the name)', async () => {
    a.backend.close();
    b.backend.close();
    const env = { WORKBENCH_PASSWORD: PASSWORD, CASE_PASSPHRASE: PASSPHRASE };
    const out = join(dirA, 'asia.tpcase');
    const exported = runCli(['case', 'export', '--data', dirA, '--case', caseNumber, '--out', out], env);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const imported = runCli(['case', 'import', '--data', dirB, '--from', out], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain(caseNumber);
    const list = runCli(['cases', 'list', '--data', dirB], env);
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([`${caseNumber}  LL  in_preparation`]);
    expect(list.stdout).not.toContain('Liisa');
    const again = runCli(['case', 'import', '--data', dirB, '--from', out], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('[already_imported]');
    const wrong = runCli(['case', 'import', '--data', dirB, '--from', out], { ...env, CASE_PASSPHRASE: 'not the passphrase' });
    expect(wrong.stderr).toContain('[wrong_passphrase]');
  }, 60_000);
});
