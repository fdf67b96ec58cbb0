import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import type { Assessment } from '../../../shared/api/contract';
import { FieldStore, SessionContext, SettingsContext, type MeetingView, type SessionSettings } from './context';

/**
 * Provides one assessment to the step panels: the settings and the field store (stable while
 * fields change) and the whole record. A newer answer reaches the field store before paint and
 * wakes only the fields it changed.
 */
export function SessionProviders({ assessment, meeting, settings, children }: { assessment: Assessment; meeting: MeetingView | null; settings: Omit<SessionSettings, 'fields' | 'itemId' | 'meetingId'>; children: ReactNode }) {
  const { itemId, meetingId } = assessment;
  // A new store per case: another case's fields never show in this one.
  const fields = useMemo(() => new FieldStore(assessment.fields), [itemId]);
  useLayoutEffect(() => fields.update(assessment.fields), [fields, assessment.fields]);
  const { readOnly, editable, presentation, save, refresh, onMeeting } = settings;
  const stable = useMemo<SessionSettings>(
    () => ({ itemId, meetingId, readOnly, editable, presentation, save, refresh, onMeeting, fields }),
    [itemId, meetingId, readOnly, editable, presentation, save, refresh, onMeeting, fields],
  );
  const full = useMemo(() => ({ ...stable, assessment, meeting }), [stable, assessment, meeting]);
  return (
    <SettingsContext.Provider value={stable}>
      <SessionContext.Provider value={full}>{children}</SessionContext.Provider>
    </SettingsContext.Provider>
  );
}
