// Placeholder until the screen lands in this session (owned by a helper).
export function ProsecutionScreen() {
  return <section data-screen="prosecution" />;
}
