/**
 * The service catalogue: service groups, services and named local providers. Not client data.
 * Rows are never deleted (plans name them); retiring sets active = 0.
 */
import type { CatalogueNames, ProviderType } from '../../shared/domain/catalogue.js';
import type { Db } from '../connection.js';

export interface GroupRecord {
  id: string;
  names: CatalogueNames;
  active: boolean;
  seeded: boolean;
}

export interface ServiceRecord extends GroupRecord {
  providerType: ProviderType;
  groupId: string;
}

export interface ProviderRecord {
  id: string;
  organisation: string;
  unit: string;
  contact: string;
  providerType: ProviderType;
  active: boolean;
}

interface NamedRow {
  id: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  active: number;
  seeded: number;
}
interface ServiceRow extends NamedRow {
  provider_type: ProviderType;
  group_id: string;
}
interface ProviderRow {
  id: string;
  organisation: string;
  unit: string;
  contact: string;
  provider_type: ProviderType;
  active: number;
}

const toGroup = (r: NamedRow): GroupRecord => ({ id: r.id, names: { fi: r.name_fi, sv: r.name_sv, en: r.name_en }, active: r.active === 1, seeded: r.seeded === 1 });
const toService = (r: ServiceRow): ServiceRecord => ({ ...toGroup(r), providerType: r.provider_type, groupId: r.group_id });
const toProvider = (r: ProviderRow): ProviderRecord => ({ id: r.id, organisation: r.organisation, unit: r.unit, contact: r.contact, providerType: r.provider_type, active: r.active === 1 });

const GROUP_COLS = 'id, name_fi, name_sv, name_en, active, seeded';
const SERVICE_COLS = `${GROUP_COLS}, provider_type, group_id`;
const PROVIDER_COLS = 'id, organisation, unit, contact, provider_type, active';

export function listGroups(db: Db): GroupRecord[] {
  return (db.prepare(`SELECT ${GROUP_COLS} FROM service_groups ORDER BY position, name_fi, id`).all() as NamedRow[]).map(toGroup);
}

export function getGroup(db: Db, id: string): GroupRecord | undefined {
  const r = db.prepare(`SELECT ${GROUP_COLS} FROM service_groups WHERE id = ?`).get(id) as NamedRow | undefined;
  return r && toGroup(r);
}

const nextPosition = (db: Db, table: 'service_groups' | 'services'): number =>
  (db.prepare(`SELECT coalesce(max(position), 0) + 10 AS p FROM ${table}`).get() as { p: number }).p;

export function insertGroup(db: Db, g: { id: string; names: CatalogueNames; active: boolean }): void {
  db.prepare('INSERT INTO service_groups (id, name_fi, name_sv, name_en, active, seeded, position) VALUES (?, ?, ?, ?, ?, 0, ?)')
    .run(g.id, g.names.fi, g.names.sv, g.names.en, g.active ? 1 : 0, nextPosition(db, 'service_groups'));
}

export function updateGroup(db: Db, g: { id: string; names: CatalogueNames; active: boolean }): void {
  db.prepare('UPDATE service_groups SET name_fi = ?, name_sv = ?, name_en = ?, active = ? WHERE id = ?').run(g.names.fi, g.names.sv, g.names.en, g.active ? 1 : 0, g.id);
}

export function listServices(db: Db): ServiceRecord[] {
  return (db.prepare(`SELECT ${SERVICE_COLS} FROM services ORDER BY position, name_fi, id`).all() as ServiceRow[]).map(toService);
}

export function getService(db: Db, id: string): ServiceRecord | undefined {
  const r = db.prepare(`SELECT ${SERVICE_COLS} FROM services WHERE id = ?`).get(id) as ServiceRow | undefined;
  return r && toService(r);
}

type ServiceInput = { id: string; names: CatalogueNames; providerType: ProviderType; groupId: string; active: boolean };

export function insertService(db: Db, s: ServiceInput): void {
  db.prepare('INSERT INTO services (id, name_fi, name_sv, name_en, provider_type, group_id, active, seeded, position) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)')
    .run(s.id, s.names.fi, s.names.sv, s.names.en, s.providerType, s.groupId, s.active ? 1 : 0, nextPosition(db, 'services'));
}

export function updateService(db: Db, s: ServiceInput): void {
  db.prepare('UPDATE services SET name_fi = ?, name_sv = ?, name_en = ?, provider_type = ?, group_id = ?, active = ? WHERE id = ?')
    .run(s.names.fi, s.names.sv, s.names.en, s.providerType, s.groupId, s.active ? 1 : 0, s.id);
}

export function listProviders(db: Db): ProviderRecord[] {
  return (db.prepare(`SELECT ${PROVIDER_COLS} FROM providers ORDER BY organisation, unit, id`).all() as ProviderRow[]).map(toProvider);
}

export function getProvider(db: Db, id: string): ProviderRecord | undefined {
  const r = db.prepare(`SELECT ${PROVIDER_COLS} FROM providers WHERE id = ?`).get(id) as ProviderRow | undefined;
  return r && toProvider(r);
}

export function upsertProvider(db: Db, p: ProviderRecord): void {
  db.prepare(
    `INSERT INTO providers (${PROVIDER_COLS}) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET organisation = excluded.organisation, unit = excluded.unit, contact = excluded.contact, provider_type = excluded.provider_type, active = excluded.active`,
  ).run(p.id, p.organisation, p.unit, p.contact, p.providerType, p.active ? 1 : 0);
}
