/** en: the organisation's seal, Admin → Seal (issue 7). */
export const enSeal = {} as const;
