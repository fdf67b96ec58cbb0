import { MAX_CATALOGUE_NAME, PROVIDER_TYPES, SEED_GROUPS, SEED_SERVICES } from '../../shared/domain/catalogue.js';
import type { Db } from '../connection.js';

const TYPES = PROVIDER_TYPES.map((v) => `'${v}'`).join(', ');
const NAME = (col: string) => `${col} TEXT NOT NULL CHECK (length(${col}) BETWEEN 1 AND ${MAX_CATALOGUE_NAME})`;

/**
 * The service catalogue (issue 6): service groups, services and named local providers. Not client
 * data. The seed from DOMAIN.md is inserted here with fixed ids so every store holds the same
 * entries; seeded rows can be renamed or retired but never deleted.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE service_groups (
      id TEXT PRIMARY KEY,
      ${NAME('name_fi')},
      ${NAME('name_sv')},
      ${NAME('name_en')},
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      seeded INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
      position INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE services (
      id TEXT PRIMARY KEY,
      ${NAME('name_fi')},
      ${NAME('name_sv')},
      ${NAME('name_en')},
      provider_type TEXT NOT NULL CHECK (provider_type IN (${TYPES})),
      group_id TEXT NOT NULL REFERENCES service_groups(id),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      seeded INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
      position INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX services_group ON services(group_id);

    CREATE TABLE providers (
      id TEXT PRIMARY KEY,
      organisation TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
      unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 200),
      contact TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
      provider_type TEXT NOT NULL CHECK (provider_type IN (${TYPES})),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;
  `);
  const group = db.prepare('INSERT INTO service_groups (id, name_fi, name_sv, name_en, active, seeded, position) VALUES (?, ?, ?, ?, 1, 1, ?)');
  SEED_GROUPS.forEach((g, i) => group.run(g.id, g.names.fi, g.names.sv, g.names.en, (i + 1) * 10));
  const service = db.prepare('INSERT INTO services (id, name_fi, name_sv, name_en, provider_type, group_id, active, seeded, position) VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?)');
  SEED_SERVICES.forEach((s, i) => service.run(s.id, s.names.fi, s.names.sv, s.names.en, s.providerType, s.groupId, (i + 1) * 10));
}
