import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SESSION_STEPS, type SessionStep } from '../../../shared/domain/meeting';

/** The ten steps as a list of buttons; the current one carries aria-current="step". */
export function StepNav({ step, onStep, compact }: { step: SessionStep; onStep: (s: SessionStep) => void; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('session.stepsLabel')}>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {SESSION_STEPS.map((s, i) => {
          const current = s === step;
          const name = `${i + 1}. ${t(`session.steps.${s}`)}`;
          // On the projector the other steps show their number only; their names stay accessible.
          const short = compact && !current;
          return (
            <li key={s}>
              <Button
                size="compact-md"
                variant={current ? 'filled' : 'default'}
                aria-current={current ? 'step' : undefined}
                onClick={() => onStep(s)}
                title={short ? name : undefined}
                aria-label={short ? name : undefined}
                styles={{ label: { fontWeight: current ? 700 : 500 } }}
              >
                {short ? i + 1 : name}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
