// Placeholder until the screen lands in this session (owned by a helper).
export function InvitationScreen() {
  return <section data-screen="invitation" />;
}
