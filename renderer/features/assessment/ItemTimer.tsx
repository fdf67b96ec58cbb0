import { Box, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownElapsedMs, timerPhase, type TimerPhase } from '../../../shared/domain/meeting';

function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

// Colours with their text at ≥ 7:1, and the phase is said in words as well.
const LOOK: Record<TimerPhase, { bg: string; fg: string; border: string }> = {
  ok: { bg: '#ffffff', fg: '#111111', border: '#111111' },
  amber: { bg: '#ffd43b', fg: '#111111', border: '#111111' },
  red: { bg: '#a51111', fg: '#ffffff', border: '#a51111' },
};

export interface TimerSource {
  elapsedMs: number;
  running: boolean;
  timeBoxMinutes: number;
  /** performance.now() when the answer carrying elapsedMs arrived. */
  receivedAt: number;
}

/**
 * The agenda item's time against its box. The backend keeps the time (so a reload loses nothing);
 * between answers it runs on the monotonic clock from when the answer arrived.
 */
export function ItemTimer({ source }: { source: TimerSource }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!source.running) return;
    const id = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(id);
  }, [source.running]);
  const elapsed = shownElapsedMs(source, now - source.receivedAt);
  const box = source.timeBoxMinutes * 60_000;
  const phase = timerPhase(elapsed, source.timeBoxMinutes);
  const look = LOOK[phase];
  const status =
    phase === 'red'
      ? t('session.timer.over', { time: formatClock(elapsed - box) })
      : phase === 'amber'
        ? t('session.timer.warning', { minutes: Math.max(1, Math.ceil((box - elapsed) / 60_000)) })
        : source.running
          ? t('session.timer.ok')
          : t('session.timer.paused');
  return (
    <Box
      role="timer"
      aria-label={t('session.timer.label', { elapsed: formatClock(elapsed), box: formatClock(box), status })}
      data-phase={phase}
      px="sm"
      py={4}
      style={{ background: look.bg, color: look.fg, border: `2px solid ${look.border}`, borderRadius: 6 }}
    >
      <Text fw={700} c="inherit" style={{ fontVariantNumeric: 'tabular-nums' }} aria-hidden>
        {formatClock(elapsed)} / {formatClock(box)}
      </Text>
      <Text size="xs" c="inherit" aria-hidden>{status}</Text>
    </Box>
  );
}
