/**
 * Channel and event names as plain strings, for the Electron preload (which must stay a small,
 * dependency-free bundle). contract.ts proves at compile time that these lists equal its keys.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'store.create',
  'store.open',
  'store.openDemo',
  'session.signIn',
  'session.lock',
  'session.activity',
  'session.changePassword',
  'session.recover',
  'users.list',
  'users.create',
  'users.deactivate',
  'users.resetPassword',
  'admin.rotateRecoveryKey',
  'settings.get',
  'settings.update',
  'audit.verify',
  'audit.clientReport',
  'audit.clientReportCsv',
  'backup.create',
  'clients.list',
  'clients.create',
  'clients.get',
  'clients.update',
  'clients.revealIdentityCode',
  'cases.listForClient',
  'cases.create',
  'cases.updateReferral',
  'cases.setStatus',
  'cases.getPreparation',
  'cases.saveSection',
  'cases.saveClientView',
  'cases.savePlanning',
  'consents.create',
  'consents.withdraw',
  'worklist.list',
  'search.cases',
  'cases.export',
  'cases.importPreview',
  'cases.import',
] as const;

export const EVENT_NAMES = ['session.locked', 'clients.changed', 'backup.progress'] as const;

/** The prefix of every IPC event channel, so events can never collide with invoke channels. */
export const EVENT_PREFIX = 'event:';
