import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { Problem } from '../../api/types';
import { userManager } from '../../auth/oidc';
import { useSession } from '../../auth/session';
import { SelectField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';

export const ROLES = ['coordinator', 'participant', 'prosecutor', 'auditor'] as const;
type Role = (typeof ROLES)[number];

const DEFAULT_ORG: Record<Role, string> = {
  coordinator: 'saj',
  participant: 'cpas-example',
  prosecutor: 'parquet-bxl',
  auditor: 'dpo',
};

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The development sign-in (a token of the service's development issuer), or the OpenID Connect button. */
export function SignInForm({ again = false }: { again?: boolean }) {
  const { t } = useTranslation();
  const { api, config, signIn, user } = useSession();
  const firstRole = user?.roles.find(isRole) ?? 'coordinator';
  const [role, setRole] = useState<Role>(firstRole);
  const [org, setOrg] = useState(user?.org ?? DEFAULT_ORG[firstRole]);
  const [subject, setSubject] = useState(user?.subject ?? `${firstRole}-1`);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  function chooseRole(value: string) {
    if (!isRole(value)) return;
    // Defaults follow the role until the user typed something else.
    if (org === DEFAULT_ORG[role]) setOrg(DEFAULT_ORG[value]);
    if (subject === `${role}-1`) setSubject(`${value}-1`);
    setRole(value);
  }

  async function submitDev(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const body = org.trim() ? { sub: subject.trim(), roles: [role], org: org.trim() } : { sub: subject.trim(), roles: [role] };
    const r = await call(api.POST('/oauth/dev-token', { body }));
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      signIn(r.data.access_token, r.data.expires_in);
    } else {
      setProblem(r.problem);
    }
  }

  async function submitOidc() {
    if (!config.oidc) return;
    const manager = userManager(config.oidc);
    if (again) {
      // A popup, so that the screen under the dialog (and what is typed in it) stays as it is.
      const signed = await manager.signinPopup();
      signIn(signed.access_token, signed.expires_in ?? null);
    } else {
      await manager.signinRedirect({ state: { path: window.location.pathname + window.location.search } });
    }
  }

  if (config.dev_sign_in) {
    return (
      <form className="form sign-in-form" onSubmit={submitDev}>
        <p>{t('signIn.devIntro')}</p>
        <SelectField
          label={t('signIn.role')}
          value={role}
          onChange={chooseRole}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <TextField label={t('signIn.organisation')} value={org} onChange={setOrg} />
        <TextField label={t('signIn.subject')} value={subject} onChange={setSubject} required />
        <ProblemAlert problem={problem} />
        <button type="submit" className="primary" disabled={busy || !subject.trim()}>
          {t('signIn.submit')}
        </button>
      </form>
    );
  }
  if (config.oidc) {
    return (
      <div className="form sign-in-form">
        <p>{t('signIn.oidcIntro')}</p>
        <button type="button" className="primary" onClick={() => void submitOidc()}>
          {t('signIn.oidc')}
        </button>
      </div>
    );
  }
  return <p role="alert">{t('signIn.unavailable')}</p>;
}
