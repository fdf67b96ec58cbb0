// Placeholder until the worklist lands (being written now).
export function WorklistPage({ onOpenClient }: { onOpenClient: (clientId: string) => void }) {
  void onOpenClient;
  return null;
}
