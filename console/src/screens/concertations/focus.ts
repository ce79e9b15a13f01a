import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { focusField } from '../../components/fields';

/** The sub-screen of a concertation holding the form that fixes a field the compliance report names, when it is not
 * a field of the edit form ("information" → the person concerned's screen…); null: the edit form's. */
export function screenOfField(field: string): 'person-concerned' | 'participants' | 'agenda' | 'minutes' | null {
  const head = field.split(/[.[]/, 1)[0] ?? '';
  if (['information', 'information_exception', 'consent', 'consents', 'person_id', 'persons_concerned'].includes(head))
    return 'person-concerned';
  if (['participants', 'participant', 'participant_id'].includes(head)) return 'participants';
  if (['agenda', 'agenda_items', 'agenda_item_id'].includes(head)) return 'agenda';
  if (['minutes', 'entries'].includes(head)) return 'minutes';
  return null;
}

/** The state a "Go to the field" link navigates with. */
export interface FocusState {
  focus?: string;
}

/** Focus the field named by the navigation that opened this screen (a compliance report's "Go to the field"), once
 * `ready` (its form is on the screen). */
export function useFocusOnArrival(root: RefObject<HTMLElement | null>, ready = true): void {
  const location = useLocation();
  const field = (location.state as FocusState | null)?.focus;
  const key = location.key;
  useEffect(() => {
    if (!ready || !field || !root.current) return;
    focusField(field, root.current);
    // Once per navigation: the same field is not focused again when the screen renders anew.
  }, [ready, field, key, root]);
}
