/** Form fields: every input has its <label>; `field` is the API's name for it (a violation's `field` focuses it). */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENUMS, type EnumName } from '../api/enums';

interface Base {
  label: string;
  field?: string;
  hint?: string;
  required?: boolean;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span className="hint" id={id}>
      {hint}
    </span>
  ) : null;
}

export function TextField({
  label,
  field,
  hint,
  required,
  value,
  onChange,
  type = 'text',
  multiline = false,
  autoComplete = 'off',
}: Base & {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date' | 'datetime-local' | 'number';
  multiline?: boolean;
  autoComplete?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = {
    id,
    value,
    required,
    'data-field': field,
    'aria-describedby': hint ? hintId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
      )}
      <Hint id={hintId} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  field,
  hint,
  required,
  value,
  onChange,
  options,
  empty,
}: Base & {
  value: string;
  onChange(value: string): void;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Label of the empty choice; omitted: no empty choice. */
  empty?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        data-field={field}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={hintId} hint={hint} />
    </div>
  );
}

/** A select over one of the API's enumerations, labelled from the catalogues. */
export function EnumSelect({
  name,
  exclude = [],
  ...rest
}: Base & {
  name: EnumName;
  value: string;
  onChange(value: string): void;
  empty?: string;
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const options = (ENUMS[name] as readonly string[])
    .filter((v) => !exclude.includes(v))
    .map((v) => ({ value: v, label: t(`enum.${name}.${v}`) }));
  return <SelectField {...rest} options={options} />;
}

export function CheckboxField({
  label,
  field,
  checked,
  onChange,
}: Base & { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} data-field={field} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A group of checkboxes over a set of values. */
export function CheckboxGroup({
  legend,
  field,
  options,
  selected,
  onChange,
}: {
  legend: string;
  field?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  onChange(selected: string[]): void;
}) {
  return (
    <fieldset className="group" data-field={field}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <CheckboxField
          key={o.value}
          label={o.label}
          checked={selected.includes(o.value)}
          onChange={(on) =>
            onChange(on ? [...selected, o.value] : selected.filter((value) => value !== o.value))
          }
        />
      ))}
    </fieldset>
  );
}

export function Group({ legend, field, children }: { legend: string; field?: string; children: ReactNode }) {
  return (
    <fieldset className="group" data-field={field}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** "a, b, c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A datetime-local value ("2026-12-01T09:00") → an ISO instant with the browser's offset. */
export function localToInstant(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant → a datetime-local value in the browser's zone. */
export function instantToLocal(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Focus the input the API names by `field` ("purpose.statement", "offence_scope[0]", "subsidiarity"…): the
 * closest element whose data-field is the path or one of its parents; in a group, its first input. */
export function focusField(field: string, root: ParentNode = document): boolean {
  let path = field;
  while (path) {
    const found = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    if (found) {
      const target =
        found.matches('input, select, textarea, button')
          ? found
          : found.querySelector<HTMLElement>('input, select, textarea, button');
      (target ?? found).scrollIntoView?.({ block: 'center' });
      (target ?? found).focus();
      return true;
    }
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return false;
}
