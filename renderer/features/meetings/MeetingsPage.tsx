import { useEffect, useState } from 'react';
import { SessionView } from '../assessment/SessionView';
import { MeetingList } from './MeetingList';
import { MeetingPage } from './MeetingPage';
import { useMeetingEvents } from './queries';

export interface MeetingsUser {
  id: string;
  role: 'administrator' | 'team_member' | 'read_only';
}

/**
 * The meetings area: the list, one meeting, or the guided session of a meeting in progress, which
 * replaces the meeting page and takes the whole width (`onFullWidth` folds the navigation away).
 */
export function MeetingsPage({ user, onFullWidth }: { user: MeetingsUser; onFullWidth: (full: boolean) => void }) {
  useMeetingEvents();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [sessionOpen, setSessionOpen] = useState(false);
  const inSession = meetingId !== null && sessionOpen;

  useEffect(() => {
    onFullWidth(inSession);
    return () => onFullWidth(false);
  }, [inSession, onFullWidth]);

  const open = (id: string | null) => {
    setSessionOpen(false);
    setMeetingId(id);
  };
  const canEdit = user.role !== 'read_only';

  // The session has its own way out (onExit), and its presentation mode covers the window.
  if (meetingId && sessionOpen) return <SessionView meetingId={meetingId} onExit={() => setSessionOpen(false)} />;
  if (meetingId) {
    return (
      <MeetingPage
        key={meetingId}
        meetingId={meetingId}
        currentUserId={user.id}
        canEdit={canEdit}
        onBack={() => open(null)}
        onOpenMeeting={open}
        onOpenSession={() => setSessionOpen(true)}
      />
    );
  }
  return <MeetingList currentUserId={user.id} isAdmin={user.role === 'administrator'} canEdit={canEdit} onOpen={open} />;
}
