import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

/** A short confirmation toast; its close button is named in the UI language (axe requires a name). */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': i18next.t('common.close') } });
}
