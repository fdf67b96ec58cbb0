/** fi: verifying a plan PDF (issue 7). */
export const fiVerify = {} as const;
