/**
 * The client coordinator (issue 6, item 3; DOMAIN.md step 9): who carries the plan, chosen from the
 * team (each candidate with their caseload) or named from outside, with the full history and a
 * handover note whenever the coordinator changes; and each coordinator's own worklist.
 *
 * Naming the current coordinator again corrects the current row (type, start date, contact): no new
 * history row and no handover note. A different person starts a new row; the current one ends on
 * the new start date with the handover note, which may not be left empty.
 */
import { randomUUID } from 'node:crypto';
import type { Coordinator, Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { addDays, todayInFinland } from '../../shared/domain/dates.js';
import { PLAN_LIMITS, type ActionStatus } from '../../shared/domain/plan.js';
import {
  activeStaff,
  caseloads,
  casesCoordinatedBy,
  correctCoordinator,
  currentCoordinator,
  endCoordinator,
  insertCoordinator,
  lastTeamOfCase,
  listCoordinators,
  type CoordinatorRecord,
  type NewCoordinator,
} from '../../db/repositories/coordinators.js';
import { getPlanForCase, listActions, listProgress, versionInForce } from '../../db/repositories/plans.js';
import { getExternal, listExternals, listMembers } from '../../db/repositories/teams.js';
import { getUser } from '../../db/repositories/users.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import { basisFor, WRITERS } from './plan-view.js';
import { loadCase, requireOpenCase } from './plans.js';

/** How far ahead the worklist shows an action as due. */
const DUE_WITHIN_DAYS = 30;

const view = (r: CoordinatorRecord): Coordinator => ({
  id: r.id,
  kind: r.kind,
  userId: r.userId,
  externalId: r.externalId,
  name: r.name,
  organisation: r.organisation,
  profession: r.profession,
  contact: r.contact,
  type: r.type,
  startDate: r.startDate,
  endDate: r.endDate,
  handoverNote: r.handoverNote,
  assignedByName: r.assignedByName,
});

function coordination(s: OpenStore, caseId: string): Output<'coordinators.forCase'> {
  const history = listCoordinators(s.db, caseId);
  const current = history.find((r) => r.endDate === null);
  return { caseId, current: current ? view(current) : null, history: history.map(view) };
}

export function candidates(ctx: BackendContext, input: ParsedInput<'coordinators.candidates'>): Output<'coordinators.candidates'> {
  const s = requireUser(ctx);
  const c = loadCase(s, input.caseId);
  return withAccess(
    s,
    (rows: Output<'coordinators.candidates'>) => ({ action: 'coordinator.candidates', basis: basisFor(s, c.id), clientId: c.clientId, entity: `case:${c.id}`, details: { rows: rows.length } }),
    () => {
      const load = caseloads(s.db);
      const teamId = lastTeamOfCase(s.db, c.id);
      const people = teamId
        ? listMembers(s.db, teamId).filter((m) => m.active).map((m) => ({ id: m.userId, displayName: m.displayName, organisation: m.organisation, profession: m.profession }))
        : activeStaff(s.db);
      const users = people.map((u) => ({ kind: 'user' as const, userId: u.id, externalId: null, name: u.displayName, organisation: u.organisation, profession: u.profession, caseload: load.users.get(u.id) ?? 0, active: true }));
      const externals = (teamId ? listExternals(s.db, teamId) : []).map((e) => ({
        kind: 'external' as const,
        userId: null,
        externalId: e.id,
        name: e.name,
        organisation: e.organisation,
        profession: e.profession,
        caseload: load.externals.get(e.id) ?? 0,
        active: e.active,
      }));
      return [...users, ...externals];
    },
  );
}

export function forCase(ctx: BackendContext, input: ParsedInput<'coordinators.forCase'>): Output<'coordinators.forCase'> {
  const s = requireUser(ctx);
  const c = loadCase(s, input.caseId);
  return withAccess(s, { action: 'coordinator.read', basis: basisFor(s, c.id), clientId: c.clientId, entity: `case:${c.id}` }, () => coordination(s, c.id));
}

type Who = ParsedInput<'coordinators.assign'>['who'];

/** The person as the row records them: a user's account details, a regular's registry entry, or what was typed. */
function personOf(s: OpenStore, who: Who): Pick<NewCoordinator, 'kind' | 'userId' | 'externalId' | 'name' | 'organisation' | 'profession' | 'contact'> {
  if (who.kind === 'user') {
    const u = getUser(s.db, who.userId);
    if (!u) throw new AppError('invalid_input', 'No such user.', { fields: ['who.userId'] });
    if (!u.active) throw new AppError('coordinator_inactive', 'The account of this person is closed.', { userId: u.id });
    return { kind: 'user', userId: u.id, externalId: null, name: u.displayName, organisation: u.organisation, profession: u.profession, contact: '' };
  }
  const contact = normaliseName(who.contact);
  if (who.externalId !== null) {
    const e = getExternal(s.db, who.externalId);
    if (!e) throw new AppError('invalid_input', 'No such external regular.', { fields: ['who.externalId'] });
    if (!e.active) throw new AppError('coordinator_inactive', 'This external regular is no longer on the team.', { externalId: e.id });
    return { kind: 'external', userId: null, externalId: e.id, name: e.name, organisation: e.organisation, profession: e.profession, contact };
  }
  const name = normaliseName(who.name);
  if (!name) throw new AppError('invalid_input', 'A name is needed.', { fields: ['who.name'] });
  return { kind: 'external', userId: null, externalId: null, name, organisation: normaliseName(who.organisation), profession: who.profession, contact };
}

function samePerson(current: CoordinatorRecord, p: ReturnType<typeof personOf>): boolean {
  if (current.kind !== p.kind) return false;
  if (p.kind === 'user') return current.userId === p.userId;
  if (p.externalId !== null || current.externalId !== null) return current.externalId === p.externalId;
  const key = (name: string, org: string) => `${name.toLocaleLowerCase('fi')}\u0000${org.toLocaleLowerCase('fi')}`;
  return key(current.name, current.organisation) === key(p.name, p.organisation);
}

export function assign(ctx: BackendContext, input: ParsedInput<'coordinators.assign'>): Output<'coordinators.assign'> {
  const s = requireRole(ctx, ...WRITERS);
  const c = loadCase(s, input.caseId);
  requireOpenCase(c);
  const person = personOf(s, input.who);
  const note = input.handoverNote.normalize('NFC');
  if (note.length > PLAN_LIMITS.text) throw new AppError('invalid_input', 'The handover note is too long.', { fields: ['handoverNote'] });
  let replaced = false;
  const result = withAccess(
    s,
    () => ({ action: 'coordinator.assign', basis: basisFor(s, c.id), clientId: c.clientId, entity: `case:${c.id}`, details: { kind: person.kind, type: input.type, startDate: input.startDate, replaced } }),
    () => {
      const current = currentCoordinator(s.db, c.id);
      if (current && samePerson(current, person)) {
        correctCoordinator(s.db, current.id, { type: input.type, startDate: input.startDate, contact: person.contact || current.contact });
        return coordination(s, c.id);
      }
      if (current) {
        if (!note) throw new AppError('handover_note_required', 'Write a handover note for the next coordinator.', { fields: ['handoverNote'] });
        if (input.startDate < current.startDate) throw new AppError('invalid_input', 'The new coordinator cannot start before the current one did.', { fields: ['startDate'], reason: 'before_current', currentStart: current.startDate });
        endCoordinator(s.db, current.id, input.startDate, note);
        replaced = true;
      }
      insertCoordinator(s.db, { id: randomUUID(), caseId: c.id, ...person, type: input.type, startDate: input.startDate, assignedAt: new Date().toISOString(), assignedBy: s.user.id });
      return coordination(s, c.id);
    },
  );
  ctx.emit('plans.changed', { caseId: c.id });
  return result;
}

export function worklist(ctx: BackendContext): Output<'coordinators.worklist'> {
  const s = requireUser(ctx);
  const today = todayInFinland();
  const horizon = addDays(today, DUE_WITHIN_DAYS);
  return withAccess(s, (rows: Output<'coordinators.worklist'>) => ({ action: 'coordinator.worklist', basis: 'case_preparation', entity: 'coordinator-worklist', details: { rows: rows.length } }), () =>
    casesCoordinatedBy(s.db, s.user.id).map((k) => {
      const plan = getPlanForCase(s.db, k.caseId);
      const inForce = plan && versionInForce(s.db, plan.id);
      const progress = plan ? listProgress(s.db, plan.id) : new Map<string, ActionStatus>();
      const dueActions = (inForce ? listActions(s.db, inForce.id) : [])
        .map((a) => ({ a, status: progress.get(a.id) ?? a.status }))
        .filter(({ a, status }) => (status === 'planned' || status === 'ongoing') && a.dueDate !== null && a.dueDate <= horizon)
        .sort((x, y) => (x.a.dueDate! < y.a.dueDate! ? -1 : x.a.dueDate! > y.a.dueDate! ? 1 : 0))
        .map(({ a, status }) => ({ actionId: a.id, serviceId: a.serviceId, text: a.text, dueDate: a.dueDate!, status, overdue: a.dueDate! < today }));
      const nextReview = inForce?.reviewDate ?? null;
      return {
        caseId: k.caseId,
        caseNumber: k.caseNumber,
        clientId: k.clientId,
        clientName: k.clientName,
        type: k.type,
        since: k.since,
        nextReview,
        reviewOverdue: nextReview !== null && nextReview < today,
        dueActions,
      };
    }),
  );
}
