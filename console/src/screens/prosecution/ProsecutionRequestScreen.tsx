// Placeholder until the screen lands in this session (owned by a helper).
export function ProsecutionRequestScreen() {
  return <section data-screen="prosecution-request" />;
}
