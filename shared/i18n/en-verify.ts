/** en: verifying a plan PDF (issue 7). */
export const enVerify = {} as const;
