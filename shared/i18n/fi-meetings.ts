/** Finnish: teams, meetings, agendas and attendance. */
export const fiMeetings = {
  meetings: {
    title: 'Kokoukset',
  },
} as const;
