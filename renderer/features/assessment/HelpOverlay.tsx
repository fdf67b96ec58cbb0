import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

/** Every shortcut of the session, the lock included; Escape closes it. */
export function HelpOverlay({ opened, onClose, inline }: { opened: boolean; onClose: () => void; inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('session.help.title')} size="lg" withinPortal={!inline} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text mb="sm">{t('session.help.intro')}</Text>
      <Table aria-label={t('session.help.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('session.help.action')}</Table.Th>
            <Table.Th scope="col">{t('session.help.keys')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td>{t(`session.help.actions.${s.action}`)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {s.shown.map((combo, i) => (
                    <Fragment key={i}>
                      {i > 0 && <Text span>{t('session.help.or')}</Text>}
                      <span>
                        {combo.map((k, j) => (
                          <Fragment key={j}>
                            {j > 0 && ' + '}
                            <Kbd>{k}</Kbd>
                          </Fragment>
                        ))}
                      </span>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
