/**
 * Every migration, in order. The number is the step's `user_version`; steps of 10 leave room.
 * A shipped migration is never edited: add a new one.
 */
import type { Db } from '../connection.js';
import * as m0010 from './0010-organisation-users.js';
import * as m0020 from './0020-clients.js';
import * as m0030 from './0030-accounts.js';
import * as m0040 from './0040-audit.js';
import * as m0050 from './0050-client-details-cases.js';
import * as m0060 from './0060-preparation.js';
import * as m0070 from './0070-search-indexes.js';
import * as m0080 from './0080-drafts.js';
import * as m0090 from './0090-teams-meetings.js';
import * as m0100 from './0100-catalogue.js';
import * as m0110 from './0110-plans.js';
import * as m0120 from './0120-seal.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'organisation-users', up: m0010.up },
  { version: 20, name: 'clients', up: m0020.up },
  { version: 30, name: 'accounts', up: m0030.up },
  { version: 40, name: 'audit', up: m0040.up },
  { version: 50, name: 'client-details-cases', up: m0050.up },
  { version: 60, name: 'preparation', up: m0060.up },
  { version: 70, name: 'search-indexes', up: m0070.up },
  { version: 80, name: 'drafts', up: m0080.up },
  { version: 90, name: 'teams-meetings', up: m0090.up },
  { version: 100, name: 'catalogue', up: m0100.up },
  { version: 110, name: 'plans', up: m0110.up },
  { version: 120, name: 'seal', up: m0120.up },
];
