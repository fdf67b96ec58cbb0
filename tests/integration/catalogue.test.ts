import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store.js';
import type { Provider, Service, ServiceGroup } from '../../shared/api/contract.js';
import { SEED_GROUPS, SEED_SERVICES } from '../../shared/domain/catalogue.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

/** The service catalogue on a real encrypted store: seeded, read by everyone, kept by administrators. */
let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
let adminId: string;
type Catalogue = { groups: ServiceGroup[]; services: Service[]; providers: Provider[] };

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
  adminId = (await b.value<{ status: { user: { id: string } } }>('store.create', SETUP)).status.user.id;
});
afterEach(() => {
  b.backend.close();
  cleanup();
});

const names = (fi: string, sv = `${fi} (sv)`, en = `${fi} (en)`) => ({ fi, sv, en });

async function signInAsMember(): Promise<void> {
  await b.value('users.create', { username: 'pekka', displayName: 'Pekka Pitkänen', profession: 'physician', organisation: 'Kainuu', role: 'team_member', password: 'pekka first password' });
  await b.value('session.lock');
  await b.value('session.signIn', { username: 'pekka', password: 'pekka first password' });
  await b.value('session.changePassword', { currentPassword: 'pekka first password', newPassword: 'pekka own password' });
}

async function auditRows(): Promise<{ action: string; basis: string; entity: string; actorId: string; clientId: string | null }[]> {
  b.backend.close();
  const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
  const rows = s.db.prepare("SELECT action, basis, entity, actor_id AS actorId, client_id AS clientId FROM audit_events WHERE action LIKE 'catalogue.%' ORDER BY seq").all() as never[];
  s.db.close();
  b = testBackend(dir);
  return rows;
}

describe('service catalogue', () => {
  it('a new store holds the seed from DOMAIN.md, in order, with fixed ids', async () => {
    const c = await b.value<Catalogue>('catalogue.get');
    expect(c.groups.map((g) => g.id)).toEqual(SEED_GROUPS.map((g) => g.id));
    expect(c.services.map((s) => s.id)).toEqual(SEED_SERVICES.map((s) => s.id));
    expect(c.services).toHaveLength(18);
    expect(c.services.every((s) => s.seeded && s.active)).toBe(true);
    expect(c.groups.every((g) => g.seeded && g.active)).toBe(true);
    expect(c.providers).toEqual([]);
    expect(c.services.find((s) => s.id === 'svc-work-trial')).toEqual({
      id: 'svc-work-trial', names: { fi: 'Työkokeilu', sv: 'Arbetsprövning', en: 'Work trial' }, providerType: 'employment_authority', groupId: 'group-network', active: true, seeded: true,
    });
  });

  it('administrators create, edit and retire groups, services and providers; seeded entries stay', async () => {
    const group = await b.value<ServiceGroup>('catalogue.saveGroup', { names: names('Digipalvelut', 'Digitala tjänster', 'Digital services'), active: true });
    expect(group).toMatchObject({ seeded: false, active: true, names: { fi: 'Digipalvelut' } });
    const made = await b.value<Service>('catalogue.saveService', { names: names('Työhönvalmennus', 'Arbetsträning', 'Job coaching'), providerType: 'employment_authority', groupId: group.id, active: true });
    expect(made).toMatchObject({ seeded: false, active: true, groupId: group.id });

    // A seeded service renamed and retired keeps its id and its seeded mark.
    const retired = await b.value<Service>('catalogue.saveService', { id: 'svc-ips', names: names('IPS-työhönvalmennus', 'IPS-arbetsstöd', 'IPS'), providerType: 'county_health_care', groupId: 'group-collaborative', active: false });
    expect(retired).toMatchObject({ id: 'svc-ips', seeded: true, active: false, names: { fi: 'IPS-työhönvalmennus' } });
    const group2 = await b.value<ServiceGroup>('catalogue.saveGroup', { id: 'group-self-services', names: names('Omatoimiset palvelut', 'Självbetjäning', 'Self-help'), active: false });
    expect(group2).toMatchObject({ seeded: true, active: false });

    const provider = await b.value<Provider>('catalogue.saveProvider', { organisation: 'Kainuun hyvinvointialue', unit: 'Työkykykeskus', contact: 'puh. 08 123 456', providerType: 'county_health_care', active: true });
    const edited = await b.value<Provider>('catalogue.saveProvider', { ...provider, contact: '', active: false });
    expect(edited).toEqual({ ...provider, contact: '', active: false });

    const c = await b.value<Catalogue>('catalogue.get');
    expect(c.services).toHaveLength(19);
    expect(c.services.at(-1)!.id).toBe(made.id);
    expect(c.services.find((s) => s.id === 'svc-ips')!.active).toBe(false);
    expect(c.groups.map((g) => g.id)).toEqual([...SEED_GROUPS.map((g) => g.id), group.id]);
    expect(c.providers).toEqual([edited]);
  });

  it('refuses an unknown id, an unknown group, blank names and bad provider types', async () => {
    const base = { names: names('Palvelu'), providerType: 'kela', groupId: 'group-network', active: true };
    expect(await b.code('catalogue.saveService', { ...base, id: 'no-such-service' })).toBe('not_found');
    expect(await b.code('catalogue.saveGroup', { id: 'no-such-group', names: names('Ryhmä'), active: true })).toBe('not_found');
    expect(await b.code('catalogue.saveProvider', { id: 'no-such', organisation: 'Kela', unit: '', contact: '', providerType: 'kela', active: true })).toBe('not_found');
    const r = await b.call('catalogue.saveService', { ...base, groupId: 'group-nowhere' });
    expect(r.ok ? null : [r.error.code, r.error.details?.fields]).toEqual(['invalid_input', ['groupId']]);
    expect(await b.code('catalogue.saveService', { ...base, names: { fi: 'Palvelu', sv: '  ', en: 'Service' } })).toBe('invalid_input');
    expect(await b.code('catalogue.saveService', { ...base, names: { fi: 'Palvelu', sv: '\u200b', en: 'Service' } })).toBe('invalid_input');
    expect(await b.code('catalogue.saveService', { ...base, providerType: 'municipality' })).toBe('invalid_input');
    expect(await b.code('catalogue.saveProvider', { organisation: ' ', unit: '', contact: '', providerType: 'kela', active: true })).toBe('invalid_input');
    expect((await b.value<Catalogue>('catalogue.get')).services).toHaveLength(18);
  });

  it('stores text NFC-normalised', async () => {
    const decomposed = 'A\u030Aboland Va\u0308sta\u030Aboland';
    const s = await b.value<Service>('catalogue.saveService', { names: { fi: 'Pa\u0308ihdetyo\u0308', sv: decomposed, en: 'Substance work' }, providerType: 'third_sector', groupId: 'group-community', active: true });
    expect(s.names).toEqual({ fi: 'Päihdetyö', sv: 'Åboland Väståboland', en: 'Substance work' });
    const p = await b.value<Provider>('catalogue.saveProvider', { organisation: decomposed, unit: 'Yksikko\u0308', contact: '', providerType: 'other', active: true });
    expect([p.organisation, p.unit]).toEqual(['Åboland Väståboland', 'Yksikkö']);
    const c = await b.value<Catalogue>('catalogue.get');
    expect(c.services.find((x) => x.id === s.id)!.names.sv).toBe('Åboland Väståboland');
  });

  it('a team member reads the catalogue but may not change it', async () => {
    await signInAsMember();
    const c = await b.value<Catalogue>('catalogue.get');
    expect(c.services).toHaveLength(18);
    expect(await b.code('catalogue.saveService', { names: names('Palvelu'), providerType: 'kela', groupId: 'group-network', active: true })).toBe('forbidden');
    expect(await b.code('catalogue.saveService', { id: 'svc-ips', names: names('Palvelu'), providerType: 'kela', groupId: 'group-network', active: false })).toBe('forbidden');
    expect(await b.code('catalogue.saveGroup', { names: names('Ryhmä'), active: true })).toBe('forbidden');
    expect(await b.code('catalogue.saveProvider', { organisation: 'Kela', unit: '', contact: '', providerType: 'kela', active: true })).toBe('forbidden');
    expect((await b.value<Catalogue>('catalogue.get')).services.find((s) => s.id === 'svc-ips')!.active).toBe(true);
  });

  it('every administrator change is in the audit log, with no client', async () => {
    const g = await b.value<ServiceGroup>('catalogue.saveGroup', { names: names('Ryhmä'), active: true });
    await b.value('catalogue.saveService', { id: 'svc-work-trial', names: names('Työkokeilu', 'Arbetsprövning', 'Work trial'), providerType: 'employment_authority', groupId: g.id, active: false });
    const p = await b.value<Provider>('catalogue.saveProvider', { organisation: 'Kela', unit: 'Kajaani', contact: '', providerType: 'kela', active: true });
    // Refused changes leave no trace.
    await b.call('catalogue.saveService', { names: names('X'), providerType: 'kela', groupId: 'group-nowhere', active: true });
    await b.value('catalogue.get');
    expect(await auditRows()).toEqual([
      { action: 'catalogue.saveGroup', basis: 'administration', entity: `service_group:${g.id}`, actorId: adminId, clientId: null },
      { action: 'catalogue.saveService', basis: 'administration', entity: 'service:svc-work-trial', actorId: adminId, clientId: null },
      { action: 'catalogue.saveProvider', basis: 'administration', entity: `provider:${p.id}`, actorId: adminId, clientId: null },
    ]);
  });
});
