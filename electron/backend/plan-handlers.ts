/** The plan and coordinator channels (issue 6), spread into the handler map in handlers.ts. */
import type { Channel } from '../../shared/api/contract.js';
import type { planChannels } from '../../shared/api/contract-plans.js';
import * as coordinators from './coordinators.js';
import type { Handler } from './handlers.js';
import * as exporting from './plan-export.js';
import * as pdfVerify from './pdf-verify.js';
import * as seal from './seal.js';
import * as signing from './plan-signing.js';
import * as verification from './plan-verify.js';
import * as plans from './plans.js';

type PlanChannel = keyof typeof planChannels & Channel;

export const planHandlers: { [K in PlanChannel]: Handler<K> } = {
  'plans.forCase': plans.forCase,
  'plans.get': plans.get,
  'plans.start': plans.start,
  'plans.saveGoal': plans.saveGoal,
  'plans.removeGoal': plans.removeGoal,
  'plans.saveAction': plans.saveAction,
  'plans.removeAction': plans.removeAction,
  'plans.move': plans.move,
  'plans.saveDetails': plans.saveDetails,
  'plans.freeze': signing.freeze,
  'plans.reopen': signing.reopen,
  'plans.sign': signing.sign,
  'plans.confirm': signing.confirm,
  'plans.clientSign': signing.clientSign,
  'plans.revise': plans.revise,
  'plans.setActionStatus': plans.setActionStatus,
  'plans.verify': verification.verify,
  'plans.exportPdf': exporting.exportPdf,
  'plans.list': (ctx) => exporting.list(ctx),
  'pdf.verify': pdfVerify.verifyPdf,
  'admin.sealInfo': (ctx) => seal.sealInfo(ctx),
  'admin.importSeal': (ctx, input) => seal.importSeal(ctx, input),
  'coordinators.candidates': coordinators.candidates,
  'coordinators.forCase': coordinators.forCase,
  'coordinators.assign': coordinators.assign,
  'coordinators.worklist': (ctx) => coordinators.worklist(ctx),
};
