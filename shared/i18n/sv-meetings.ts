/** Swedish: teams, meetings, agendas and attendance. */
export const svMeetings = {
  meetings: {
    title: 'Möten',
  },
} as const;
