/** Scaffolding: replaced by the team-meeting use cases (issue 5). */
import type { Channel } from '../../shared/api/contract.js';
import { meetingChannels } from '../../shared/api/contract-meetings.js';
import { AppError } from '../../shared/api/errors.js';
import type { Handler } from './handlers.js';

type MeetingChannel = keyof typeof meetingChannels & Channel;
const notYet = (): never => {
  throw new AppError('not_found', 'Meetings are not built yet.');
};

export const meetingHandlers = Object.fromEntries(Object.keys(meetingChannels).map((k) => [k, notYet])) as unknown as { [K in MeetingChannel]: Handler<K> };
