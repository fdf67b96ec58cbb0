/** Finnish: the guided assessment session, presentation mode and the audience screen. */
export const fiSession = {
  session: {
    title: 'Tiimin arviointi',
  },
} as const;
