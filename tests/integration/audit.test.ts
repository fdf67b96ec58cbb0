import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rng } from '../../bench/rng.js';
import {
  appendAudit, auditEventsToCsv, canonicalAuditPayload, GENESIS_HASH, hashAuditEvent, listAuditByActor,
  listAuditForClient, verifyAudit, type AppendAuditInput, type AuditCsvColumn, type AuditEvent, type AuditRow,
} from '../../db/audit.js';
import type { Db } from '../../db/connection.js';
import { insertClient, listClients } from '../../db/repositories/clients.js';
import { createStore, openStore, type OpenStore } from '../../db/store.js';
import { ADMIN, FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
let store: OpenStore | undefined;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  if (store?.db.open) store.db.close();
  store = undefined;
  cleanup();
});

async function open(): Promise<OpenStore> {
  store = await createStore(dir, { organisationName: 'Kainuun hyvinvointialue', admin: ADMIN, password: PASSWORD }, FAST_KDF);
  return store;
}

const ODD = [
  'Åsa Öhman', 'A\u030Asa O\u0308hman', '👩‍⚕️ 🇫🇮 tiimi', 'مرحبا שלום', '\u202Egnp.exe\u202C', 'He said "hei", \'moi\'',
  'a, b; c', 'rivi 1\nrivi 2\r\nrivi 3', '=HYPERLINK("http://x")', 'lone \uD800 surrogate', 'nul \u0000 inside', 'plain',
];
const ACTIONS = ['client.create', 'client.read', 'client.list', 'session.signIn', 'audit.verify', 'backup.create'];
const BASES = ['case_preparation', 'team_meeting', 'administration', 'client_request'];

/** Seeded events with every kind of awkward text in every free-text field. */
function randomEvents(n: number, seed = 703_2023): AppendAuditInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const odd = () => `${pick(ODD)} ${Math.floor(r() * 1000)}`;
  return Array.from({ length: n }, (_, i) => ({
    actorId: r() < 0.8 ? `user-${Math.floor(r() * 5)}` : odd(),
    clientId: r() < 0.3 ? null : r() < 0.8 ? `client-${Math.floor(r() * 50)}` : odd(),
    action: r() < 0.9 ? pick(ACTIONS) : odd(),
    basis: r() < 0.9 ? pick(BASES) : odd(),
    entity: r() < 0.2 ? null : odd(),
    details: r() < 0.4 ? null : { [odd()]: odd(), n: r() * 1e6, list: [true, null, -0, 1e21, odd()], nested: { b: 1, a: odd() } },
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000 + Math.floor(r() * 1000)),
  }));
}

function fill(db: Db, n: number): AuditEvent[] {
  const inputs = randomEvents(n);
  return db.transaction(() => inputs.map((e) => appendAudit(db, e)))();
}

const row = (db: Db, seq: number) => db.prepare('SELECT * FROM audit_events WHERE seq = ?').get(seq) as AuditRow;
const head = (db: Db) => db.prepare('SELECT seq, hash FROM audit_head').get() as { seq: number; hash: string };
const count = (db: Db) => (db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;

/** What someone holding the key can do: the guards are only triggers. */
function dropGuards(db: Db): void {
  for (const t of ['audit_events_no_update', 'audit_events_no_delete', 'audit_head_advance_only', 'audit_head_no_delete']) db.exec(`DROP TRIGGER ${t}`);
}

describe('the access log chain', () => {
  it('verifies 1,000 seeded events full of awkward Unicode, and stores what it hashed', async () => {
    const { db } = await open();
    const appended = fill(db, 1000);
    expect(verifyAudit(db)).toEqual({ ok: true, count: 1000, headSeq: 1000 });
    expect(head(db)).toEqual({ seq: 1000, hash: appended[999]!.hash });
    expect(appended[0]!.prevHash).toBe(GENESIS_HASH);
    const all = appended.filter((e) => e.clientId === 'client-7');
    expect(listAuditForClient(db, 'client-7')).toEqual(all);
    expect(listAuditByActor(db, 'user-3')).toEqual(appended.filter((e) => e.actorId === 'user-3'));
    // Stored NFC, lone surrogates replaced: otherwise SQLite would hand back different text.
    const texts = appended.flatMap((e) => [e.actorId, e.clientId ?? '', e.action, e.entity ?? '', JSON.stringify(e.details)]);
    expect(texts.some((t) => t.includes('Åsa Öhman'))).toBe(true);
    expect(texts.every((t) => t === t.normalize('NFC') && !/\p{Cs}/u.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('\u0000'))).toBe(true);
  });

  it('keeps chaining across a close and reopen', async () => {
    const s = await open();
    fill(s.db, 3);
    s.db.close();
    store = await openStore(dir, ADMIN.username, PASSWORD);
    const e = appendAudit(store.db, { actorId: store.user.id, action: 'session.signIn', basis: 'administration' });
    expect(e.seq).toBe(4);
    expect(verifyAudit(store.db)).toEqual({ ok: true, count: 4, headSeq: 4 });
  });

  it('an empty log verifies', async () => {
    const { db } = await open();
    expect(verifyAudit(db)).toEqual({ ok: true, count: 0, headSeq: 0 });
  });

  it('pins format 1 of the canonical payload', () => {
    const fields = {
      seq: 1, at: '2026-01-01T00:00:00.000Z', actorId: 'u1', clientId: null, action: 'client.read', basis: 'team_meeting',
      entity: 'client:A\u030Asa', details: '{"a":1}', prevHash: GENESIS_HASH,
    };
    const expected = `{"v":1,"seq":1,"at":"2026-01-01T00:00:00.000Z","actorId":"u1","clientId":null,"action":"client.read","basis":"team_meeting","entity":"client:Åsa","details":"{\\"a\\":1}","prevHash":"${GENESIS_HASH}"}`;
    expect(canonicalAuditPayload(fields)).toBe(expected);
    expect(hashAuditEvent(fields)).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
  });
});

describe('the database refuses edits', () => {
  it('rejects UPDATE and DELETE of events, out-of-order inserts, and moving or deleting the head', async () => {
    const { db } = await open();
    fill(db, 5);
    expect(() => db.prepare("UPDATE audit_events SET basis = 'x' WHERE seq = 2").run()).toThrow(/audit_events is append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 5').run()).toThrow(/audit_events is append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/audit_events is append-only/);
    const last = row(db, 5);
    expect(() => db.prepare('INSERT INTO audit_events VALUES (7, @at, @actor_id, NULL, @action, @basis, NULL, NULL, @hash, @hash)').run(last))
      .toThrow(/must follow audit_head/);
    expect(() => db.prepare('UPDATE audit_head SET seq = 4, hash = ?').run(row(db, 4).hash)).toThrow(/may only advance/);
    expect(() => db.prepare('DELETE FROM audit_head').run()).toThrow(/cannot be deleted/);
    expect(verifyAudit(db)).toEqual({ ok: true, count: 5, headSeq: 5 });
  });
});

describe('tampering is found at the right event', () => {
  async function tampered(edit: (db: Db) => void) {
    const { db } = await open();
    fill(db, 1000);
    dropGuards(db);
    edit(db);
    return verifyAudit(db);
  }

  it('(a) an edited field: hash_mismatch at that event', async () => {
    expect(await tampered((db) => db.exec("UPDATE audit_events SET basis = 'client_request' || basis WHERE seq = 500")))
      .toEqual({ ok: false, firstBrokenSeq: 500, reason: 'hash_mismatch', count: 499 });
  });

  it('(b) a deleted event: gap at the missing seq', async () => {
    expect(await tampered((db) => db.exec('DELETE FROM audit_events WHERE seq = 300')))
      .toEqual({ ok: false, firstBrokenSeq: 300, reason: 'gap', count: 299 });
  });

  it('(c) two events swapped, seq kept: order at the first', async () => {
    const swap = (cols: string) => (db: Db) => db.exec(`
      CREATE TEMP TABLE pair AS SELECT * FROM audit_events WHERE seq IN (10, 11);
      UPDATE audit_events SET (${cols}) = (SELECT ${cols} FROM pair WHERE pair.seq = 21 - audit_events.seq) WHERE seq IN (10, 11);`);
    const all = 'at, actor_id, client_id, action, basis, entity, details, prev_hash, hash';
    expect(await tampered(swap(all))).toEqual({ ok: false, firstBrokenSeq: 10, reason: 'order', count: 9 });
    store?.db.close();
    cleanup();
    ({ dir, cleanup } = tempDir());
    // Swapping only the visible fields leaves hashes in place: that is an edit, not a move.
    expect(await tampered(swap('at, actor_id, client_id, action, basis, entity, details')))
      .toEqual({ ok: false, firstBrokenSeq: 10, reason: 'hash_mismatch', count: 9 });
  });

  it('(d) the last five removed: truncated at the first missing seq', async () => {
    expect(await tampered((db) => db.exec('DELETE FROM audit_events WHERE seq > 995')))
      .toEqual({ ok: false, firstBrokenSeq: 996, reason: 'truncated', count: 995 });
  });

  it('(e) an edited field with its hash recomputed: the next event breaks', async () => {
    const forge = (seq: number) => (db: Db) => {
      const r = { ...row(db, seq), basis: 'administration_forged' };
      const hash = hashAuditEvent({ ...r, actorId: r.actor_id, clientId: r.client_id, prevHash: r.prev_hash });
      db.prepare('UPDATE audit_events SET basis = ?, hash = ? WHERE seq = ?').run(r.basis, hash, seq);
    };
    expect(await tampered(forge(500))).toEqual({ ok: false, firstBrokenSeq: 501, reason: 'chain_broken', count: 500 });
    store?.db.close();
    cleanup();
    ({ dir, cleanup } = tempDir());
    // The newest event has no successor; the head catches it.
    expect(await tampered(forge(1000))).toEqual({ ok: false, firstBrokenSeq: 1000, reason: 'head_mismatch', count: 1000 });
  });

  it('(f) an edited head', async () => {
    expect(await tampered((db) => db.exec(`UPDATE audit_head SET hash = '${'f'.repeat(64)}'`)))
      .toEqual({ ok: false, firstBrokenSeq: 1000, reason: 'head_mismatch', count: 1000 });
    for (const [edit, expected] of [
      [(db: Db) => db.prepare('UPDATE audit_head SET seq = 990, hash = ?').run(row(db, 990).hash), { firstBrokenSeq: 991, reason: 'head_mismatch' }],
      [(db: Db) => db.exec('UPDATE audit_head SET seq = 1005'), { firstBrokenSeq: 1001, reason: 'truncated' }],
      [(db: Db) => db.exec('DELETE FROM audit_head'), { firstBrokenSeq: 1001, reason: 'head_mismatch' }],
    ] as const) {
      store?.db.close();
      cleanup();
      ({ dir, cleanup } = tempDir());
      expect(await tampered(edit)).toEqual({ ok: false, ...expected, count: 1000 });
    }
  });

  it('documents the limit: a tail and head removed together verify, as nothing outside the file remembers them', async () => {
    expect(await tampered((db) => {
      db.exec('DELETE FROM audit_events WHERE seq > 995');
      db.prepare('UPDATE audit_head SET seq = 995, hash = ?').run(row(db, 995).hash);
    })).toEqual({ ok: true, count: 995, headSeq: 995 });
  });
});

describe('atomic with the access it records', () => {
  const client = (id: string, createdBy: string) => ({ id, name: 'Åsa Öhman', language: 'sv' as const, createdAt: new Date().toISOString(), createdBy });

  it('an outer transaction that throws leaves neither the write nor its event', async () => {
    const { db, user } = await open();
    fill(db, 3);
    const before = head(db);
    expect(() => db.transaction(() => {
      insertClient(db, client('c1', user.id));
      appendAudit(db, { actorId: user.id, clientId: 'c1', action: 'client.create', basis: 'case_preparation', entity: 'client:c1' });
      throw new Error('disk on fire');
    })()).toThrow('disk on fire');
    expect(listClients(db)).toEqual([]);
    expect(count(db)).toBe(3);
    expect(head(db)).toEqual(before);
    expect(verifyAudit(db)).toEqual({ ok: true, count: 3, headSeq: 3 });
  });

  it('an event that cannot be written takes the write with it, and a committed one stays', async () => {
    const { db, user } = await open();
    expect(() => db.transaction(() => {
      insertClient(db, client('c1', user.id));
      appendAudit(db, { actorId: user.id, clientId: 'c1', action: '', basis: 'case_preparation' });
    })()).toThrow(/needs an action/);
    expect(listClients(db)).toEqual([]);
    db.transaction(() => {
      insertClient(db, client('c2', user.id));
      appendAudit(db, { actorId: user.id, clientId: 'c2', action: 'client.create', basis: 'case_preparation' });
    })();
    expect(listAuditForClient(db, 'c2').map((e) => e.action)).toEqual(['client.create']);
    expect(verifyAudit(db)).toEqual({ ok: true, count: 1, headSeq: 1 });
  });
});

/** A strict RFC 4180 reader, so the test checks the format rather than trusting the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let rowCells: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; !(text[i] === '"' && text[i + 1] !== '"'); i++) {
        if (i >= text.length) throw new Error('unterminated quote');
        cell += text[i];
        if (text[i] === '"') i++;
      }
      i++;
    } else {
      while (i < text.length && !',\r\n'.includes(text[i]!)) cell += text[i++];
      if (cell.includes('"')) throw new Error('bare quote');
    }
    rowCells.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) (i += 2, rows.push(rowCells), (rowCells = []));
    else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

describe('CSV for a client who asks who viewed their data', () => {
  const labels: Record<AuditCsvColumn, string> = {
    seq: 'Nro', at: 'Aika', actor: 'Käyttäjä', client: 'Asiakas', action: 'Toiminto', basis: 'Peruste', entity: 'Kohde', details: 'Lisätiedot',
  };

  it('quotes, neutralises formulas, ends lines with CRLF and round-trips Unicode through a UTF-8 file', async () => {
    const { db, user } = await open();
    const names: Record<string, string> = { [user.id]: 'A\u030Asa "Ässä" Öhman, 👩‍⚕️' };
    const evil = ['=SUM(A1:A9)', '+358 40 123', '-2+3', '@cmd', '\tx', '\rx', 'rivi 1\nrivi 2'];
    for (const entity of evil) appendAudit(db, { actorId: user.id, clientId: 'c1', action: 'client.read', basis: 'client_request', entity, details: { why: 'pyyntö, "kopio"' } });
    const csv = auditEventsToCsv(listAuditForClient(db, 'c1'), labels, { actorName: (id) => names[id] ?? id });
    expect(csv.startsWith('Nro,Aika,Käyttäjä,Asiakas,Toiminto,Peruste,Kohde,Lisätiedot\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"A\u030Asa ""Ässä"" Öhman, 👩‍⚕️"');
    expect(csv).toContain('"{""why"":""pyyntö, \\""kopio\\""""}"');

    const file = join(dir, 'loki.csv');
    writeFileSync(file, csv, 'utf8');
    const rows = parseCsv(readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(1 + evil.length);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    expect(rows.slice(1).map((r) => r[6])).toEqual(["'=SUM(A1:A9)", "'+358 40 123", "'-2+3", "'@cmd", "'\tx", "'\rx", 'rivi 1\nrivi 2']);
    expect(rows[1]![2]).toBe(names[user.id]);
    expect(rows[1]![0]).toBe('1');
    expect(JSON.parse(rows[1]![7]!)).toEqual({ why: 'pyyntö, "kopio"' });
  });

  it('takes a column choice, a semicolon for Finnish Excel and a byte-order mark', async () => {
    const { db, user } = await open();
    appendAudit(db, { actorId: user.id, clientId: 'c1', action: 'client.read', basis: 'team_meeting', at: new Date(Date.UTC(2026, 5, 1, 9)) });
    const csv = auditEventsToCsv(listAuditForClient(db, 'c1'), labels, {
      columns: ['at', 'actor', 'basis'], delimiter: ';', bom: true, actorName: () => 'Virtanen; Liisa', formatAt: () => '1.6.2026 klo 12.00',
    });
    expect(csv).toBe('\uFEFFAika;Käyttäjä;Peruste\r\n1.6.2026 klo 12.00;"Virtanen; Liisa";team_meeting\r\n');
  });
});
