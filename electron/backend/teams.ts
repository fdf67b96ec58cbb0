/** Teams: members, external regulars and settings. Administrators keep them; everyone may read them. */
import { randomUUID } from 'node:crypto';
import type { Output, ParsedInput, Team } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { getUser } from '../../db/repositories/users.js';
import { getExternal, getTeam, insertTeam, listExternals, listMembers, listTeams, retireExternal, setMembers, updateTeam, upsertExternal, type TeamRecord } from '../../db/repositories/teams.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';

export function teamView(s: OpenStore, t: TeamRecord): Team {
  return {
    id: t.id,
    name: t.name,
    members: listMembers(s.db, t.id),
    externals: listExternals(s.db, t.id).map((e) => ({ id: e.id, name: e.name, organisation: e.organisation, profession: e.profession })),
    requiredSectors: t.requiredSectors,
    newCaseMinutes: t.newCaseMinutes,
    reviewMinutes: t.reviewMinutes,
    reviewIntervalMonths: t.reviewIntervalMonths,
  };
}

export function list(ctx: BackendContext): Output<'teams.list'> {
  const s = requireUser(ctx);
  return withAccess(s, (teams: Team[]) => ({ action: 'team.list', basis: 'team_meeting', entity: 'teams', details: { rows: teams.length } }), () =>
    listTeams(s.db).map((t) => teamView(s, t)),
  );
}

const cleanName = (raw: string, field: string): string => {
  const n = normaliseName(raw);
  if (!n) throw new AppError('invalid_input', 'A name is needed.', { fields: [field] });
  return n;
};

export function save(ctx: BackendContext, input: ParsedInput<'teams.save'>): Output<'teams.save'> {
  const s = requireRole(ctx, 'administrator');
  const name = cleanName(input.name, 'name');
  const memberIds = [...new Set(input.memberIds)];
  // New members must be able to sign in; a member whose account was closed may stay listed.
  const current = new Set(input.id ? listMembers(s.db, input.id).map((m) => m.userId) : []);
  memberIds.forEach((id, i) => {
    const u = getUser(s.db, id);
    if (!u || (!u.active && !current.has(id))) throw new AppError('invalid_input', 'Members must be active users.', { fields: [`memberIds.${i}`] });
  });
  const settings = {
    name,
    requiredSectors: [...new Set(input.requiredSectors)],
    newCaseMinutes: input.newCaseMinutes,
    reviewMinutes: input.reviewMinutes,
    reviewIntervalMonths: input.reviewIntervalMonths,
  };
  const at = new Date().toISOString();
  return withAccess(s, (t: Team) => ({ action: input.id ? 'team.update' : 'team.create', basis: 'team_meeting', entity: `team:${t.id}` }), () => {
    let teamId = input.id;
    if (teamId) {
      if (!getTeam(s.db, teamId)) throw new AppError('not_found', 'No such team.');
      updateTeam(s.db, teamId, settings, at);
    } else {
      teamId = randomUUID();
      insertTeam(s.db, teamId, settings, at);
    }
    setMembers(s.db, teamId, memberIds);
    const kept = new Set<string>();
    input.externals.forEach((e, i) => {
      if (e.id) {
        const existing = getExternal(s.db, e.id);
        if (!existing || existing.teamId !== teamId) throw new AppError('invalid_input', 'No such external member on this team.', { fields: [`externals.${i}.id`] });
      }
      const id = e.id ?? randomUUID();
      kept.add(id);
      upsertExternal(s.db, { id, teamId, name: cleanName(e.name, `externals.${i}.name`), organisation: e.organisation.normalize('NFC'), profession: e.profession }, i + 1);
    });
    for (const old of listExternals(s.db, teamId)) if (!kept.has(old.id)) retireExternal(s.db, old.id);
    return teamView(s, getTeam(s.db, teamId)!);
  });
}
