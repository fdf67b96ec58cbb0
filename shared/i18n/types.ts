import type { fi } from './fi.js';

/** Same keys as the Finnish catalogue, any string values: sv and en must match it key for key. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof fi>;
