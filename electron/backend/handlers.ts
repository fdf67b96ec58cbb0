/**
 * One handler per contract channel. The `satisfies` clause is the compile-time proof that every
 * channel has a handler and that each returns its channel's output type.
 */
import type { Channel, Output, ParsedInput } from '../../shared/api/contract.js';
import * as audit from './audit.js';
import * as backup from './backup.js';
import * as caseFile from './case-file.js';
import * as cases from './cases.js';
import * as clients from './clients.js';
import * as consents from './consents.js';
import * as demo from './demo.js';
import { draftHandlers } from './drafts.js';
import { meetingHandlers } from './meeting-handlers.js';
import { catalogueHandlers } from './catalogue.js';
import { planHandlers } from './plan-handlers.js';
import type { BackendContext } from './context.js';
import * as session from './session.js';
import * as settings from './settings.js';
import * as users from './users.js';
import * as preparation from './preparation.js';
import * as worklist from './worklist.js';

export type Handler<K extends Channel> = (ctx: BackendContext, input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;
export type HandlerMap = { [K in Channel]: Handler<K> };

export const handlers = {
  'app.status': (ctx) => session.appStatus(ctx),
  'store.create': session.createNewStore,
  'store.open': session.openFolder,
  'store.openDemo': demo.openDemo,
  'session.signIn': session.signIn,
  'session.lock': (ctx) => session.lock(ctx, 'user'),
  'session.activity': (ctx) => session.activity(ctx),
  'session.changePassword': session.changePassword,
  'session.recover': session.recover,
  'users.list': (ctx) => users.list(ctx),
  'users.create': users.create,
  'users.deactivate': users.deactivate,
  'users.resetPassword': users.resetPassword,
  'admin.rotateRecoveryKey': (ctx) => users.rotateRecoveryKey(ctx),
  'settings.get': (ctx) => settings.get(ctx),
  'settings.update': settings.update,
  'audit.verify': (ctx) => audit.verify(ctx),
  'audit.clientReport': audit.clientReport,
  'audit.clientReportCsv': audit.clientReportCsv,
  'backup.create': backup.create,
  'clients.list': (ctx) => clients.list(ctx),
  'clients.create': clients.create,
  'clients.get': clients.get,
  'clients.update': clients.update,
  'clients.revealIdentityCode': clients.revealIdentityCode,
  'cases.listForClient': cases.listForClient,
  'cases.create': cases.create,
  'cases.updateReferral': cases.updateReferral,
  'cases.setStatus': cases.setStatus,
  'cases.getPreparation': preparation.get,
  'cases.saveSection': preparation.saveSection,
  'cases.saveClientView': preparation.saveClientView,
  'cases.savePlanning': preparation.savePlanning,
  'consents.create': consents.create,
  'consents.withdraw': consents.withdraw,
  'worklist.list': worklist.list,
  'search.cases': worklist.search,
  'cases.export': caseFile.exportCase,
  'cases.importPreview': caseFile.previewImport,
  'cases.import': caseFile.importCase,
  ...draftHandlers,
  ...meetingHandlers,
  ...catalogueHandlers,
  ...planHandlers,
} satisfies HandlerMap;
