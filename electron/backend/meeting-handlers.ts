/** The team-meeting channels (issue 5), spread into the handler map in handlers.ts. */
import type { Channel } from '../../shared/api/contract.js';
import type { meetingChannels } from '../../shared/api/contract-meetings.js';
import * as assessment from './assessment.js';
import type { Handler } from './handlers.js';
import * as session from './meeting-session.js';
import * as meetings from './meetings.js';
import * as teams from './teams.js';

type MeetingChannel = keyof typeof meetingChannels & Channel;

export const meetingHandlers: { [K in MeetingChannel]: Handler<K> } = {
  'teams.list': (ctx) => teams.list(ctx),
  'teams.save': teams.save,
  'meetings.list': meetings.list,
  'meetings.create': meetings.create,
  'meetings.update': meetings.update,
  'meetings.get': meetings.get,
  'meetings.eligibleCases': meetings.eligibleCases,
  'meetings.addItem': meetings.addItem,
  'meetings.removeItem': meetings.removeItem,
  'meetings.reorder': meetings.reorder,
  'meetings.setTimeBox': meetings.setTimeBox,
  'meetings.start': session.start,
  'meetings.setAttendance': session.setAttendance,
  'meetings.navigate': session.navigate,
  'meetings.revealRestricted': session.revealRestricted,
  'meetings.completeItem': session.completeItem,
  'meetings.dropItem': session.dropItem,
  'meetings.finish': session.finish,
  'assessment.get': assessment.get,
  'assessment.audience': assessment.audience,
  'assessment.change': assessment.change,
};
