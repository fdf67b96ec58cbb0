import { Badge, Button, Group, Modal, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider, Service, ServiceGroup } from '../../../shared/api/contract-catalogue';
import { MAX_SHORT_TEXT } from '../../../shared/domain/case';
import { CATALOGUE_LANGUAGES, MAX_CATALOGUE_NAME, PROVIDER_TYPES, type CatalogueLanguage, type CatalogueNames, type ProviderType } from '../../../shared/domain/catalogue';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from '../session/FormError';

export const CATALOGUE_KEY = ['catalogue'] as const;

type Dialog =
  | { kind: 'group'; group: ServiceGroup | null }
  | { kind: 'service'; service: Service | null }
  | { kind: 'provider'; provider: Provider | null }
  | null;

const NAME_LABEL = { fi: 'catalogue.nameFi', sv: 'catalogue.nameSv', en: 'catalogue.nameEn' } as const;

function useLang(): CatalogueLanguage {
  const { i18n } = useTranslation();
  const l = (i18n.resolvedLanguage ?? i18n.language) as CatalogueLanguage;
  return CATALOGUE_LANGUAGES.includes(l) ? l : 'fi';
}

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? '#1e6b30' : 'gray.7'} variant="filled">
      {active ? t('catalogue.active') : t('catalogue.retired')}
    </Badge>
  );
}

function EditCell({ label, onEdit }: { label: string; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Button size="xs" variant="default" onClick={onEdit} aria-label={label}>
        {t('catalogue.edit')}
      </Button>
    </Table.Td>
  );
}

/** One part of the catalogue: its title and add button, then its table (or a line saying it is empty). */
function CatalogueSection<T>({ area, columns, rows, onAdd, row }: { area: 'services' | 'groups' | 'providers'; columns: readonly string[]; rows: readonly T[] | undefined; onAdd: () => void; row: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">{t(`catalogue.${area}.title`)}</Title>
        <Button onClick={onAdd} disabled={!rows}>{t(`catalogue.${area}.add`)}</Button>
      </Group>
      {rows?.length === 0 && <Text>{t(`catalogue.${area}.none`)}</Text>}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={columns.length > 3 ? 800 : 0}>
          <Table striped aria-label={t(`catalogue.${area}.title`)}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c} scope="col">{t(`catalogue.${area}.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Administrator: the service catalogue (groups and services in three languages) and named local providers. */
export function CataloguePanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const catalogue = useQuery({ queryKey: CATALOGUE_KEY, queryFn: () => invoke('catalogue.get', {}) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = (name: string) => {
    notifySuccess(t('catalogue.saved', { name }));
    close();
  };
  const groups = catalogue.data?.groups ?? [];
  const groupName = (id: string) => groups.find((g) => g.id === id)?.names[lang] ?? '–';

  const title =
    dialog?.kind === 'group'
      ? dialog.group ? t('catalogue.groups.editTitle', { name: dialog.group.names[lang] }) : t('catalogue.groups.newTitle')
      : dialog?.kind === 'service'
        ? dialog.service ? t('catalogue.services.editTitle', { name: dialog.service.names[lang] }) : t('catalogue.services.newTitle')
        : dialog?.kind === 'provider'
          ? dialog.provider ? t('catalogue.providers.editTitle', { name: dialog.provider.organisation }) : t('catalogue.providers.newTitle')
          : '';

  return (
    <Stack gap="xl">
      <Text>{t('catalogue.intro')}</Text>
      <FormError error={catalogue.error} />

      <CatalogueSection
        area="services"
        columns={['name', 'providerType', 'group', 'status', 'actions']}
        rows={catalogue.data?.services}
        onAdd={() => setDialog({ kind: 'service', service: null })}
        row={(s) => (
          <Table.Tr key={s.id} data-testid={`service-row-${s.id}`}>
            <Table.Td fw={600}>{s.names[lang]}</Table.Td>
            <Table.Td>{t(`catalogue.providerTypes.${s.providerType}`)}</Table.Td>
            <Table.Td>{groupName(s.groupId)}</Table.Td>
            <Table.Td><StatusBadge active={s.active} /></Table.Td>
            <EditCell label={t('catalogue.services.editNamed', { name: s.names[lang] })} onEdit={() => setDialog({ kind: 'service', service: s })} />
          </Table.Tr>
        )}
      />
      <CatalogueSection
        area="groups"
        columns={['name', 'status', 'actions']}
        rows={catalogue.data?.groups}
        onAdd={() => setDialog({ kind: 'group', group: null })}
        row={(g) => (
          <Table.Tr key={g.id}>
            <Table.Td fw={600}>{g.names[lang]}</Table.Td>
            <Table.Td><StatusBadge active={g.active} /></Table.Td>
            <EditCell label={t('catalogue.groups.editNamed', { name: g.names[lang] })} onEdit={() => setDialog({ kind: 'group', group: g })} />
          </Table.Tr>
        )}
      />
      <CatalogueSection
        area="providers"
        columns={['organisation', 'unit', 'contact', 'providerType', 'status', 'actions']}
        rows={catalogue.data?.providers}
        onAdd={() => setDialog({ kind: 'provider', provider: null })}
        row={(p) => (
          <Table.Tr key={p.id}>
            <Table.Td fw={600}>{p.organisation}</Table.Td>
            <Table.Td>{p.unit || '–'}</Table.Td>
            <Table.Td>{p.contact || '–'}</Table.Td>
            <Table.Td>{t(`catalogue.providerTypes.${p.providerType}`)}</Table.Td>
            <Table.Td><StatusBadge active={p.active} /></Table.Td>
            <EditCell label={t('catalogue.providers.editNamed', { name: [p.organisation, p.unit].filter(Boolean).join(', ') })} onEdit={() => setDialog({ kind: 'provider', provider: p })} />
          </Table.Tr>
        )}
      />

      <Modal opened={dialog !== null} onClose={close} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {dialog?.kind === 'group' && <GroupForm group={dialog.group} onDone={(g) => done(g.names[lang])} onCancel={close} />}
        {dialog?.kind === 'service' && <ServiceForm service={dialog.service} groups={groups} onDone={(s) => done(s.names[lang])} onCancel={close} />}
        {dialog?.kind === 'provider' && <ProviderForm provider={dialog.provider} onDone={(p) => done(p.organisation)} onCancel={close} />}
      </Modal>
    </Stack>
  );
}

const nameRule = (t: (k: string, o?: Record<string, unknown>) => string) => (v: string) =>
  !v.trim() ? t('common.required') : v.length > MAX_CATALOGUE_NAME ? t('common.tooLong', { max: MAX_CATALOGUE_NAME }) : null;

const trimNames = (n: CatalogueNames): CatalogueNames => ({ fi: n.fi.trim(), sv: n.sv.trim(), en: n.en.trim() });

function NameFields({ form }: { form: { getInputProps: (path: string) => object; key: (path: string) => string } }) {
  const { t } = useTranslation();
  return (
    <>
      {CATALOGUE_LANGUAGES.map((l, i) => (
        <TextInput key={form.key(`names.${l}`)} label={t(NAME_LABEL[l])} required maxLength={MAX_CATALOGUE_NAME} data-autofocus={i === 0 || undefined} {...form.getInputProps(`names.${l}`)} />
      ))}
    </>
  );
}

function ActiveSwitch({ form }: { form: { getInputProps: (path: string, o?: { type: 'checkbox' }) => object } }) {
  const { t } = useTranslation();
  return <Switch label={t('catalogue.activeSwitch')} description={t('catalogue.activeHint')} {...form.getInputProps('active', { type: 'checkbox' })} />;
}

function Actions({ onCancel, pending }: { onCancel: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="submit" loading={pending}>{t('catalogue.save')}</Button>
    </Group>
  );
}

function useSaved<T>(onDone: (v: T) => void) {
  const queryClient = useQueryClient();
  return (saved: T) => {
    void queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
    onDone(saved);
  };
}

function GroupForm({ group, onDone, onCancel }: { group: ServiceGroup | null; onDone: (g: ServiceGroup) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { names: group ? { ...group.names } : { fi: '', sv: '', en: '' }, active: group?.active ?? true },
    validate: { names: { fi: nameRule(t), sv: nameRule(t), en: nameRule(t) } },
  });
  const onSuccess = useSaved(onDone);
  const save = useMutation({
    mutationFn: (v: typeof form.values) => invoke('catalogue.saveGroup', { ...(group ? { id: group.id } : {}), names: trimNames(v.names), active: v.active }),
    onSuccess,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        <NameFields form={form} />
        <ActiveSwitch form={form} />
        <FormError error={save.error} />
        <Actions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </form>
  );
}

function ServiceForm({ service, groups, onDone, onCancel }: { service: Service | null; groups: ServiceGroup[]; onDone: (s: Service) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useForm({
    initialValues: {
      names: service ? { ...service.names } : { fi: '', sv: '', en: '' },
      providerType: (service?.providerType ?? null) as ProviderType | null,
      groupId: (service?.groupId ?? null) as string | null,
      active: service?.active ?? true,
    },
    validate: {
      names: { fi: nameRule(t), sv: nameRule(t), en: nameRule(t) },
      providerType: (v) => (v ? null : t('common.required')),
      groupId: (v) => (v ? null : t('common.required')),
    },
  });
  const onSuccess = useSaved(onDone);
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      invoke('catalogue.saveService', { ...(service ? { id: service.id } : {}), names: trimNames(v.names), providerType: v.providerType!, groupId: v.groupId!, active: v.active }),
    onSuccess,
  });
  // Retired groups are offered only to a service already in one.
  const groupOptions = groups.filter((g) => g.active || g.id === service?.groupId).map((g) => ({ value: g.id, label: g.names[lang] }));
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        <NameFields form={form} />
        <Select
          label={t('catalogue.services.providerType')}
          required
          allowDeselect={false}
          data={PROVIDER_TYPES.map((p) => ({ value: p, label: t(`catalogue.providerTypes.${p}`) }))}
          {...form.getInputProps('providerType')}
        />
        <Select label={t('catalogue.services.group')} required allowDeselect={false} data={groupOptions} {...form.getInputProps('groupId')} />
        <ActiveSwitch form={form} />
        <FormError error={save.error} />
        <Actions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </form>
  );
}

function ProviderForm({ provider, onDone, onCancel }: { provider: Provider | null; onDone: (p: Provider) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      organisation: provider?.organisation ?? '',
      unit: provider?.unit ?? '',
      contact: provider?.contact ?? '',
      providerType: (provider?.providerType ?? null) as ProviderType | null,
      active: provider?.active ?? true,
    },
    validate: {
      organisation: (v) => (!v.trim() ? t('common.required') : v.length > MAX_SHORT_TEXT ? t('common.tooLong', { max: MAX_SHORT_TEXT }) : null),
      unit: (v) => (v.length > MAX_SHORT_TEXT ? t('common.tooLong', { max: MAX_SHORT_TEXT }) : null),
      contact: (v) => (v.length > MAX_SHORT_TEXT ? t('common.tooLong', { max: MAX_SHORT_TEXT }) : null),
      providerType: (v) => (v ? null : t('common.required')),
    },
  });
  const onSuccess = useSaved(onDone);
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      invoke('catalogue.saveProvider', {
        ...(provider ? { id: provider.id } : {}),
        organisation: v.organisation.trim(),
        unit: v.unit.trim(),
        contact: v.contact.trim(),
        providerType: v.providerType!,
        active: v.active,
      }),
    onSuccess,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        <TextInput label={t('catalogue.providers.organisation')} required data-autofocus maxLength={MAX_SHORT_TEXT} {...form.getInputProps('organisation')} />
        <TextInput label={t('catalogue.providers.unit')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('unit')} />
        <TextInput label={t('catalogue.providers.contact')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('contact')} />
        <Select
          label={t('catalogue.providers.providerType')}
          required
          allowDeselect={false}
          data={PROVIDER_TYPES.map((p) => ({ value: p, label: t(`catalogue.providerTypes.${p}`) }))}
          {...form.getInputProps('providerType')}
        />
        <ActiveSwitch form={form} />
        <FormError error={save.error} />
        <Actions onCancel={onCancel} pending={save.isPending} />
      </Stack>
    </form>
  );
}
