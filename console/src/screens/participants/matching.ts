import type { AuthorisedParticipant } from '../../api/types';

export interface Profile {
  sector: string;
  function: string;
  organisation: string;
  person_ref: string;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Informative only, while typing: the entries of the basis's authorised participants the profile fits. What the
 * service answers on submit (R16, R17) is what counts. */
export function matchingEntries(profile: Profile, entries: readonly AuthorisedParticipant[]): number[] {
  const out: number[] = [];
  entries.forEach((e, i) => {
    if (e.kind === 'person') {
      if (e.person_ref && profile.person_ref && same(e.person_ref, profile.person_ref)) out.push(i);
      return;
    }
    const sector = !e.sector || e.sector === profile.sector;
    const fn = !e.function || same(e.function, profile.function);
    const org = !e.organisation || same(e.organisation, profile.organisation);
    const said = Boolean(e.sector || e.function || e.organisation);
    if (said && sector && fn && org) out.push(i);
  });
  return out;
}
