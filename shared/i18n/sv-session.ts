/** Swedish: the guided assessment session, presentation mode and the audience screen. */
export const svSession = {
  session: {
    title: 'Teamets bedömning',
  },
} as const;
