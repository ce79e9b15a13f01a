/** An instant as the reader's browser shows dates (the screen's language). */
export function formatInstant(value: string | null | undefined, language?: string): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const locale = language ?? document.documentElement.lang ?? 'fr';
  return d.toLocaleString(locale === 'nl' ? 'nl-BE' : locale === 'en' ? 'en-GB' : 'fr-BE', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
