/**
 * The team-meeting part of the contract (issue 5): teams, meetings and their agendas, attendance,
 * the guided assessment and the shared (audience) screen. Spread into `contract` in contract.ts.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case.js';
import { BENEFIT_STATUSES, BENEFITS, CONSENT_ORGANISATIONS } from '../domain/preparation.js';
import { PROFESSIONS } from '../domain/user.js';
import {
  AGENDA_KINDS,
  ATTENDANCE_STATUSES,
  ITEM_OUTCOMES,
  ITEM_STATES,
  MEETING_STATES,
  REVIEW_INTERVAL_LIMITS,
  SECTORS,
  SESSION_STEPS,
  TIME_BOX_LIMITS,
} from '../domain/meeting.js';
import { ASSESSMENT_PURPOSES, CLIENT_AGREEMENTS, MAX_FIELD_TEXT, REHAB_KINDS, REHAB_NEEDS, SERVICE_PATHS, TEXT_FIELDS } from '../domain/assessment.js';
import { ICF_CODE_PATTERN } from '../domain/icf.js';
import { clientViewSchema, empty, id, isoDate, name, savedSection, shortText } from './schemas.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const minutes = z.number().int().min(TIME_BOX_LIMITS.min).max(TIME_BOX_LIMITS.max);
const fieldText = z.string().max(MAX_FIELD_TEXT);
const icfCode = z.string().regex(ICF_CODE_PATTERN);

export const teamMemberSchema = z.strictObject({ userId: z.string(), displayName: z.string(), profession: z.enum(PROFESSIONS), organisation: z.string(), active: z.boolean() });
/** A regular who has no account (e.g. a Kela adviser): named on the team, recorded in attendance. */
export const externalRegularSchema = z.strictObject({ id: z.string(), name: z.string(), organisation: z.string(), profession: z.enum(PROFESSIONS) });

export const teamSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  members: z.array(teamMemberSchema),
  externals: z.array(externalRegularSchema),
  /** Sectors that must be present for a decision (DOMAIN.md step 10). */
  requiredSectors: z.array(z.enum(SECTORS)),
  newCaseMinutes: z.number().int(),
  reviewMinutes: z.number().int(),
  reviewIntervalMonths: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;

export const meetingSummarySchema = z.strictObject({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  /** Finnish local date and time of day. */
  date: z.string(),
  time: z.string(),
  place: z.string(),
  chairId: z.string(),
  chairName: z.string(),
  state: z.enum(MEETING_STATES),
  itemCount: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const agendaItemSchema = z.strictObject({
  id: z.string(),
  position: z.number().int(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseStatus: z.enum(CASE_STATUSES),
  clientName: z.string(),
  /** What the shared screen shows instead of the name. */
  clientInitials: z.string(),
  kind: z.enum(AGENDA_KINDS),
  timeBoxMinutes: z.number().int(),
  state: z.enum(ITEM_STATES),
  outcome: z.enum(ITEM_OUTCOMES).nullable(),
  /** Time spent on the item as of this answer; while running, add the time since it arrived. */
  elapsedMs: z.number(),
  running: z.boolean(),
  /** No valid consent covers an organisation at the table (or, before the meeting starts, on its date). */
  consentWarning: z.boolean(),
  /** Where a carried-over item went (the next meeting's date). */
  carriedToDate: z.string().nullable(),
  /** Why the case was taken off the agenda (outcome 'removed'); empty otherwise. */
  outcomeReason: z.string(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const attendanceInput = z.strictObject({
  /** A team member's user id, or an external regular's id, or neither for a one-off guest. */
  userId: z.string().nullable(),
  externalId: z.string().nullable(),
  name: name,
  profession: z.enum(PROFESSIONS),
  organisation: shortText,
  status: z.enum(ATTENDANCE_STATUSES),
});
export const attendanceSchema = attendanceInput.extend({ id: z.string() });
export type Attendance = z.infer<typeof attendanceSchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  items: z.array(agendaItemSchema),
  attendance: z.array(attendanceSchema),
  /** Where the shared screen is: the item and step the chair last navigated to. */
  currentItemId: z.string().nullable(),
  currentStep: z.enum(SESSION_STEPS),
  /** The chair revealed the restricted background section on the shared screen. */
  restrictedRevealed: z.boolean(),
  /** Required sectors with nobody present or remote. */
  missingSectors: z.array(z.enum(SECTORS)),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const eligibleCaseSchema = z.strictObject({
  caseId: z.string(),
  caseNumber: z.string(),
  clientName: z.string(),
  status: z.enum(CASE_STATUSES),
  kind: z.enum(AGENDA_KINDS),
  proposedMeetingDate: z.string().nullable(),
  consentWarning: z.boolean(),
});

/** One change to the assessment record; the backend stores it under a canonical field key. */
export const assessmentChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), field: z.enum(TEXT_FIELDS), value: fieldText }),
  z.strictObject({ kind: z.literal('purpose'), value: z.enum(ASSESSMENT_PURPOSES) }),
  z.strictObject({ kind: z.literal('teamRating'), value: z.number().int().min(0).max(10).nullable() }),
  z.strictObject({ kind: z.literal('servicePath'), value: z.enum(SERVICE_PATHS).nullable() }),
  z.strictObject({ kind: z.literal('clientAgreement'), value: z.enum(CLIENT_AGREEMENTS).nullable() }),
  /** Adds a category beyond the brief core set (unknown codes are refused: `unknown_icf_code`). */
  z.strictObject({ kind: z.literal('icfAdd'), code: icfCode }),
  z.strictObject({ kind: z.literal('icfRemove'), code: icfCode }),
  /** Qualifier values are checked against the category's component (`invalid_qualifier`). */
  z.strictObject({ kind: z.literal('icfQualifier'), code: icfCode, value: z.string().max(3).nullable() }),
  z.strictObject({ kind: z.literal('icfObservation'), code: icfCode, profession: z.enum(PROFESSIONS), value: fieldText }),
  z.strictObject({ kind: z.literal('benefit'), benefit: z.enum(BENEFITS), status: z.enum(BENEFIT_STATUSES).nullable(), note: z.string().max(2000) }),
  z.strictObject({ kind: z.literal('rehab'), rehab: z.enum(REHAB_KINDS), need: z.enum(REHAB_NEEDS).nullable(), grounds: z.string().max(MAX_FIELD_TEXT), service: z.string().max(2000) }),
  /** The chair's note for a step: shown in the chair's window, never on the shared screen. */
  z.strictObject({ kind: z.literal('speakerNote'), step: z.enum(SESSION_STEPS), value: fieldText }),
]);
export type AssessmentChange = z.infer<typeof assessmentChangeSchema>;

/** A stored field: its value (shape per kind, see `assessmentChangeSchema`) and who wrote it last. */
export const assessmentFieldSchema = z.strictObject({ value: z.unknown(), updatedAt: z.string(), updatedBy: z.string(), updatedByName: z.string() });

export const assessmentSchema = z.strictObject({
  itemId: z.string(),
  meetingId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  /** "Case 2 of 5". */
  position: z.number().int(),
  total: z.number().int(),
  /** Null on the shared screen, which shows initials only. */
  clientName: z.string().nullable(),
  clientInitials: z.string(),
  identityCodeMasked: z.string().nullable(),
  kind: z.enum(AGENDA_KINDS),
  /** Prepared material (steps 2–3 and prefill): from the case's preparation, read-only here. */
  prepared: z.strictObject({
    referralReason: z.string(),
    background: z.record(z.string(), savedSection),
    /** The restricted section exists but is hidden (profession, or not revealed on the shared screen). */
    restrictedHidden: z.boolean(),
    clientView: clientViewSchema.extend({ updatedAt: z.string() }).nullable(),
    bringNote: z.string(),
  }),
  /** Organisations at the table (present or remote) and whether a valid consent covers each today. */
  consentAtTable: z.array(z.strictObject({ organisation: z.enum(CONSENT_ORGANISATIONS), covered: z.boolean() })),
  /** Professions present or remote: the ICF step shows one observation column per profession. */
  professionsPresent: z.array(z.enum(PROFESSIONS)),
  /** Brief core set plus categories added for this case. */
  icfCodes: z.array(z.string()),
  /** Canonical field key → stored value; speaker notes left out on the shared screen. */
  fields: z.record(z.string(), assessmentFieldSchema),
  /** What the record still needs before the item can be completed. */
  missing: z.array(z.string()),
  presentation: z.boolean(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const meetingChannels = {
  /** Teams of this store, with members, external regulars and settings. */
  'teams.list': { input: empty, output: z.array(teamSchema) },
  /** Creates (no id) or updates a team. Administrators only. */
  'teams.save': {
    input: z.strictObject({
      id: id.optional(),
      name,
      memberIds: z.array(id).max(100),
      externals: z.array(z.strictObject({ id: id.optional(), name, organisation: shortText, profession: z.enum(PROFESSIONS) })).max(50),
      requiredSectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
      newCaseMinutes: minutes,
      reviewMinutes: minutes,
      reviewIntervalMonths: z.number().int().min(REVIEW_INTERVAL_LIMITS.min).max(REVIEW_INTERVAL_LIMITS.max),
    }),
    output: teamSchema,
  },
  'meetings.list': { input: z.strictObject({ when: z.enum(['upcoming', 'past', 'all']) }), output: z.array(meetingSummarySchema) },
  'meetings.create': {
    input: z.strictObject({ teamId: id, date: isoDate, time, place: shortText, chairId: id }),
    output: meetingDetailSchema,
  },
  'meetings.update': {
    input: z.strictObject({ meetingId: id, date: isoDate, time, place: shortText, chairId: id }),
    output: meetingDetailSchema,
  },
  /** The meeting with its agenda and attendance; for a finished meeting this is its record. */
  'meetings.get': { input: z.strictObject({ meetingId: id }), output: meetingDetailSchema },
  /** Cases that may go on this agenda: ready for the team, or with a review due. */
  'meetings.eligibleCases': { input: z.strictObject({ meetingId: id }), output: z.array(eligibleCaseSchema) },
  'meetings.addItem': {
    input: z.strictObject({ meetingId: id, caseId: id, timeBoxMinutes: minutes.optional() }),
    output: meetingDetailSchema,
  },
  'meetings.removeItem': { input: z.strictObject({ itemId: id }), output: meetingDetailSchema },
  /** The agenda's new order: every item id of the meeting exactly once. */
  'meetings.reorder': { input: z.strictObject({ meetingId: id, itemIds: z.array(id).max(200) }), output: meetingDetailSchema },
  'meetings.setTimeBox': { input: z.strictObject({ itemId: id, minutes }), output: meetingDetailSchema },
  /** Starts the meeting with its attendance; refused twice (`meeting_started`) or with nobody there (`no_one_present`). */
  'meetings.start': { input: z.strictObject({ meetingId: id, attendance: z.array(attendanceInput).min(1).max(100) }), output: meetingDetailSchema },
  'meetings.setAttendance': { input: z.strictObject({ meetingId: id, attendance: z.array(attendanceInput).min(1).max(100) }), output: meetingDetailSchema },
  /**
   * Moves the shared screen to an item and step. Opening an item starts its timer (and pauses the
   * one that ran); the step is where a reload or another window comes back to.
   */
  'meetings.navigate': { input: z.strictObject({ meetingId: id, itemId: id.nullable(), step: z.enum(SESSION_STEPS) }), output: meetingDetailSchema },
  /** The chair shows (or hides again) the restricted background section on the shared screen; logged. */
  'meetings.revealRestricted': { input: z.strictObject({ meetingId: id, revealed: z.boolean() }), output: meetingDetailSchema },
  /** Marks an item discussed when its assessment record is complete (`assessment_incomplete` with what is missing). */
  'meetings.completeItem': { input: z.strictObject({ itemId: id }), output: meetingDetailSchema },
  /** Takes a case off the agenda during the meeting (e.g. consent no longer valid); the record says so. */
  'meetings.dropItem': { input: z.strictObject({ itemId: id, reason: z.string().trim().min(1).max(2000) }), output: meetingDetailSchema },
  /**
   * Finishes the meeting: undiscussed items move to the chosen next meeting or a new one, and the
   * meeting becomes its record. `carryOverTo` may be null only when nothing is left.
   */
  'meetings.finish': {
    input: z.strictObject({
      meetingId: id,
      carryOverTo: z
        .discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('existing'), meetingId: id }),
          z.strictObject({ kind: z.literal('new'), date: isoDate, time, place: shortText }),
        ])
        .nullable(),
    }),
    output: z.strictObject({ meeting: meetingDetailSchema, nextMeetingId: z.string().nullable() }),
  },
  /** The assessment of one agenda item for the chair's window (created on first read). */
  'assessment.get': { input: z.strictObject({ itemId: id }), output: assessmentSchema },
  /** What the shared screen shows now: the current item in presentation form, or null between cases. */
  'assessment.audience': {
    input: z.strictObject({ meetingId: id }),
    output: z.strictObject({
      meetingId: z.string(),
      step: z.enum(SESSION_STEPS),
      assessment: assessmentSchema.nullable(),
      /** The current item's time against its box, so the room sees it too (null between cases). */
      timer: z.strictObject({ elapsedMs: z.number(), running: z.boolean(), timeBoxMinutes: z.number().int() }).nullable(),
      itemCount: z.number().int(),
      state: z.enum(MEETING_STATES),
    }),
  },
  /** Saves one field (last write wins per field); answers with the stored field. */
  'assessment.change': {
    input: z.strictObject({ itemId: id, change: assessmentChangeSchema }),
    output: z.strictObject({ key: z.string(), field: assessmentFieldSchema, missing: z.array(z.string()) }),
  },
} as const;

export const meetingEvents = {
  /** A meeting's agenda, attendance or state changed. */
  'meetings.changed': z.strictObject({ meetingId: z.string() }),
  /** The chair moved the shared screen. */
  'meetings.navigated': z.strictObject({ meetingId: z.string(), itemId: z.string().nullable(), step: z.enum(SESSION_STEPS) }),
  /** Fields of an assessment changed (another window refetches them). */
  'assessment.changed': z.strictObject({ itemId: z.string(), keys: z.array(z.string()) }),
} as const;
