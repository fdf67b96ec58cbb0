/**
 * The inputs of the assessment steps. Each saves itself (Synced) in the chair's window and turns
 * into plain labelled text on the audience screen, which must have no controls at all.
 */
import { Group, NativeSelect, Radio, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentChange } from '../../../shared/api/contract';
import { MAX_FIELD_TEXT, type TextField as TextFieldName } from '../../../shared/domain/assessment';
import type { SessionStep } from '../../../shared/domain/meeting';
import { useSettings, useStoredField, type StoredField } from './context';
import { noteKey, readText, textKey } from './keys';
import { FieldStatus, Synced } from './Synced';

export interface Option {
  value: string;
  label: string;
}

const NONE = '';

/** A value shown as text: on the audience screen, and for prepared material everywhere. */
export function ReadValue({ label, children, empty }: { label: ReactNode; children: ReactNode; empty?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={700}>{label}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{empty ? t('session.empty') : children}</Text>
    </Stack>
  );
}

interface TextProps {
  label: string;
  description?: string;
  required?: boolean;
  minRows?: number;
  /** One line (a short answer such as a proposed service) rather than a paragraph. */
  single?: boolean;
  max?: number;
}

/** A stored text of the record: `text:<field>`. Memoised: its props are plain values. */
export const RecordText = memo(function RecordText({ field, ...rest }: TextProps & { field: TextFieldName }) {
  const key = textKey(field);
  return <StoredText fieldKey={key} toChange={(value) => ({ kind: 'text', field, value })} {...rest} />;
});

/** The chair's note for a step (never on the shared screen: the caller does not render it there). */
export const SpeakerNoteText = memo(function SpeakerNoteText({ step, label, description }: { step: SessionStep; label: string; description: string }) {
  return <StoredText fieldKey={noteKey(step)} toChange={(value) => ({ kind: 'speakerNote', step, value })} label={label} description={description} minRows={4} />;
});

export function StoredText({ fieldKey, toChange, ...rest }: TextProps & { fieldKey: string; toChange: (v: string) => AssessmentChange }) {
  const { editable } = useSettings();
  const stored = useStoredField(fieldKey);
  const server = readText(stored);
  if (!editable) return <ReadValue label={rest.label} empty={server.trim() === ''}>{server}</ReadValue>;
  return (
    <Synced server={server} stored={stored} toChange={toChange}>
      {(b) => (
        <div {...b.focus}>
          <TextEditor {...rest} value={b.value} onChange={b.set} status={<FieldStatus autosave={b.autosave} stored={stored} />} />
        </div>
      )}
    </Synced>
  );
}

export function TextEditor({ label, description, required, minRows = 2, single, max = MAX_FIELD_TEXT, value, onChange, status }: TextProps & { value: string; onChange: (v: string) => void; status: ReactNode }) {
  const common = {
    label,
    description,
    withAsterisk: required,
    'aria-required': required || undefined,
    maxLength: max,
    value,
    'data-field': true,
  };
  return (
    <Stack gap={2}>
      {single ? (
        <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <Textarea {...common} autosize minRows={minRows} maxRows={16} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
      {status}
    </Stack>
  );
}

interface ChoiceProps<T extends string> {
  label: string;
  options: readonly Option[];
  /** Offer "not chosen" (the stored value may be null). */
  emptyLabel?: string;
  value: T | null;
  onChange: (v: T | null) => void;
  description?: string;
  required?: boolean;
  status?: ReactNode;
}

/** A native select: arrow keys and type-ahead choose, which keeps the session keyboard-fast. */
export function ChoiceSelect<T extends string>({ label, options, emptyLabel, value, onChange, description, required, status }: ChoiceProps<T>) {
  const data = emptyLabel !== undefined ? [{ value: NONE, label: emptyLabel }, ...options] : options;
  return (
    <Stack gap={2}>
      <NativeSelect
        label={label}
        description={description}
        withAsterisk={required}
        data={data}
        value={value ?? NONE}
        data-field
        onChange={(e) => onChange(e.currentTarget.value === NONE ? null : (e.currentTarget.value as T))}
      />
      {status}
    </Stack>
  );
}

/** A few choices side by side (purpose, agreement): arrow keys move and choose. */
export function ChoiceRadios<T extends string>({ label, options, value, onChange, description, required, status }: ChoiceProps<T>) {
  return (
    <Stack gap={2}>
      <Radio.Group label={label} description={description} withAsterisk={required} value={value ?? ''} onChange={(v) => onChange(v as T)}>
        <Group gap="lg" mt={6}>
          {options.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} data-field />
          ))}
        </Group>
      </Radio.Group>
      {status}
    </Stack>
  );
}

/** A stored single choice (purpose, service path, team rating…) as select or radios. */
export function StoredChoice<T extends string>({
  fieldKey,
  read,
  toChange,
  radios,
  ...rest
}: Omit<ChoiceProps<T>, 'value' | 'onChange' | 'status'> & { fieldKey: string; read: (f: StoredField | undefined) => T | null; toChange: (v: T | null) => AssessmentChange; radios?: boolean }) {
  const { editable } = useSettings();
  const stored = useStoredField(fieldKey);
  const server = read(stored);
  if (!editable) {
    const shown = rest.options.find((o) => o.value === server)?.label;
    return <ReadValue label={rest.label} empty={!shown}>{shown}</ReadValue>;
  }
  const Choice = radios ? ChoiceRadios<T> : ChoiceSelect<T>;
  return (
    <Synced server={server} stored={stored} toChange={toChange}>
      {(b) => (
        <div {...b.focus}>
          <Choice {...rest} value={b.value} onChange={b.setNow} status={<FieldStatus autosave={b.autosave} stored={stored} />} />
        </div>
      )}
    </Synced>
  );
}

/**
 * A wide table: scrolls sideways in the chair's window (whose inputs make the region reachable by
 * keyboard); on the read-only audience screen it wraps instead, as nobody scrolls a projector.
 */
export function WideTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const { readOnly } = useSettings();
  return readOnly ? <>{children}</> : <Table.ScrollContainer minWidth={minWidth}>{children}</Table.ScrollContainer>;
}
