/**
 * The session's keyboard shortcuts, in one list: the hotkey handlers, the help overlay and the
 * buttons' aria-keyshortcuts all read it, so what the help says is what the keys do.
 */
export type ShortcutAction = 'nextStep' | 'previousStep' | 'nextCase' | 'focusField' | 'presentation' | 'help' | 'lock' | 'close';

export interface Shortcut {
  action: ShortcutAction;
  /** @mantine/hooks hotkey strings. */
  keys: string[];
  /** As shown to people, one entry per alternative. */
  shown: string[][];
  /** As aria-keyshortcuts writes it. */
  aria: string;
  /** Fires while typing in a field (the shortcut has a modifier or is a function key). */
  inFields: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'nextStep', keys: ['alt+ArrowRight'], shown: [['Alt', '→'], ['Page Down']], aria: 'Alt+ArrowRight PageDown', inFields: true },
  { action: 'previousStep', keys: ['alt+ArrowLeft'], shown: [['Alt', '←'], ['Page Up']], aria: 'Alt+ArrowLeft PageUp', inFields: true },
  { action: 'nextCase', keys: ['alt+shift+ArrowRight'], shown: [['Alt', 'Shift', '→']], aria: 'Alt+Shift+ArrowRight', inFields: true },
  { action: 'focusField', keys: ['alt+F', 'F6'], shown: [['Alt', 'F'], ['F6']], aria: 'Alt+F F6', inFields: true },
  { action: 'presentation', keys: ['alt+P'], shown: [['Alt', 'P']], aria: 'Alt+P', inFields: true },
  { action: 'help', keys: ['F1'], shown: [['?'], ['F1']], aria: 'Shift+? F1', inFields: true },
  { action: 'lock', keys: [], shown: [['Ctrl', 'Shift', 'L']], aria: 'Control+Shift+L', inFields: true },
  { action: 'close', keys: [], shown: [['Esc']], aria: 'Escape', inFields: true },
];

/** Keys without a modifier: only outside text fields, where they do not type anything. */
export const PLAIN_KEYS: readonly { action: ShortcutAction; key: string }[] = [
  { action: 'nextStep', key: 'PageDown' },
  { action: 'previousStep', key: 'PageUp' },
  { action: 'help', key: 'shift+?' },
  { action: 'help', key: '?' },
];

export function ariaKeys(action: ShortcutAction): string {
  return SHORTCUTS.find((s) => s.action === action)?.aria ?? '';
}
