/** Scaffolding: replaced by the guided session view (issue 5). */
export function SessionView({ meetingId, onExit }: { meetingId: string; onExit: () => void }) {
  void meetingId;
  void onExit;
  return null;
}
