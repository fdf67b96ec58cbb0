/** sv: verifying a plan PDF (issue 7). */
export const svVerify = {} as const;
