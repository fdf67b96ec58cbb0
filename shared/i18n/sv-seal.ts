/** sv: the organisation's seal, Admin → Seal (issue 7). */
export const svSeal = {} as const;
