// Placeholder until the screen lands in this session (owned by a helper).
export function InvitationsScreen() {
  return <section data-screen="invitations" />;
}
