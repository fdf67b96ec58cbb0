/** Bounds of the auto-lock setting, in minutes (default 10, as the store issue asks). */
export const IDLE_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;
