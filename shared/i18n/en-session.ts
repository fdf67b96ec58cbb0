/** English: the guided assessment session, presentation mode and the audience screen. */
export const enSession = {
  session: {
    title: 'Team assessment',
  },
} as const;
