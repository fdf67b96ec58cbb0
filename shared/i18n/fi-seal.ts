/** fi: the organisation's seal, Admin → Seal (issue 7). */
export const fiSeal = {} as const;
