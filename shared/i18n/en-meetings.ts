/** English: teams, meetings, agendas and attendance. */
export const enMeetings = {
  meetings: {
    title: 'Meetings',
  },
} as const;
