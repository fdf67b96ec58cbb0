export const ROLES = ['administrator', 'team_member', 'read_only'] as const;
export type Role = (typeof ROLES)[number];

/** Professions of a work-ability support team (DOMAIN.md, "Who and why"). */
export const PROFESSIONS = [
  'social_worker',
  'social_instructor',
  'nurse',
  'physician',
  'physiotherapist',
  'psychologist',
  'occupational_therapist',
  'employment_expert',
  'job_coach',
  'kela_adviser',
  'work_ability_coordinator',
  'expert_by_experience',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Usernames are ASCII so they can be typed on any keyboard layout at the shared screen. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** NIST SP 800-63B: length matters, composition rules do not. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
