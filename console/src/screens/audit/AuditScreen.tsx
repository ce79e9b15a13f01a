// Placeholder until the screen lands in this session (owned by a helper).
export function AuditScreen() {
  return <section data-screen="audit" />;
}
