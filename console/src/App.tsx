import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { ConsoleConfig } from './auth/config';
import { SessionProvider, useSession } from './auth/session';
import { Layout, homeOf } from './components/Layout';
import type { Language } from './i18n';
import { AgendaScreen } from './screens/agenda/AgendaScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { CallbackScreen } from './screens/callback/CallbackScreen';
import { ConcertationLayout } from './screens/concertations/ConcertationLayout';
import { ConcertationsScreen } from './screens/concertations/ConcertationsScreen';
import { NewConcertation } from './screens/concertations/NewConcertation';
import { OverviewScreen } from './screens/concertations/OverviewScreen';
import { ClassifyScreen } from './screens/disclosures/ClassifyScreen';
import { DisclosuresLayout } from './screens/disclosures/DisclosuresLayout';
import { ExchangeDetail, ExchangeForm, ExchangesScreen } from './screens/disclosures/Exchanges';
import { NecessityDetail, NecessityForm, NecessityScreen } from './screens/disclosures/Necessity';
import { ReportDetail, ReportForm, ReportsScreen } from './screens/disclosures/Reports';
import { InvitationScreen } from './screens/invitations/InvitationScreen';
import { InvitationsScreen } from './screens/invitations/InvitationsScreen';
import { LegalBasesScreen } from './screens/legal-bases/LegalBasesScreen';
import { LegalBasisDetail } from './screens/legal-bases/LegalBasisDetail';
import { LegalBasisForm } from './screens/legal-bases/LegalBasisForm';
import { MinutesScreen } from './screens/minutes/MinutesScreen';
import { ParticipantsScreen } from './screens/participants/ParticipantsScreen';
import { PersonConcernedScreen } from './screens/person-concerned/PersonConcernedScreen';
import { ProsecutionRequestScreen } from './screens/prosecution/ProsecutionRequestScreen';
import { ProsecutionScreen } from './screens/prosecution/ProsecutionScreen';
import { SignInDialog } from './screens/sign-in/SignInDialog';
import { SignInScreen } from './screens/sign-in/SignInScreen';

/** The screens of a signed-in user; the sign-in dialog opens over them when the session ends (they stay mounted). */
export function AppRoutes() {
  const { user, expired } = useSession();
  if (!user) {
    return (
      <Routes>
        <Route path="/callback" element={<CallbackScreen />} />
        <Route path="*" element={<SignInScreen />} />
      </Routes>
    );
  }
  return (
    <>
      <Routes>
        <Route path="/callback" element={<CallbackScreen />} />
        <Route element={<Layout />}>
          <Route index element={<Navigate to={homeOf(user.roles)} replace />} />
          <Route path="legal-bases" element={<LegalBasesScreen />} />
          <Route path="legal-bases/new" element={<LegalBasisForm />} />
          <Route path="legal-bases/:basisId" element={<LegalBasisDetail />} />
          <Route path="concertations" element={<ConcertationsScreen />} />
          <Route path="concertations/new" element={<NewConcertation />} />
          <Route path="concertations/:id" element={<ConcertationLayout />}>
            <Route index element={<OverviewScreen />} />
            <Route path="participants" element={<ParticipantsScreen />} />
            <Route path="agenda" element={<AgendaScreen />} />
            <Route path="person-concerned" element={<PersonConcernedScreen />} />
            <Route path="minutes" element={<MinutesScreen />} />
          </Route>
          <Route path="invitations" element={<InvitationsScreen />} />
          <Route path="invitations/:id/:participantId" element={<InvitationScreen />} />
          <Route path="disclosures" element={<DisclosuresLayout />}>
            <Route index element={<ClassifyScreen />} />
            <Route path="shared-secret-exchanges" element={<ExchangesScreen />} />
            <Route path="shared-secret-exchanges/new" element={<ExchangeForm />} />
            <Route path="shared-secret-exchanges/:id" element={<ExchangeDetail />} />
            <Route path="art-458bis-reports" element={<ReportsScreen />} />
            <Route path="art-458bis-reports/new" element={<ReportForm />} />
            <Route path="art-458bis-reports/:id" element={<ReportDetail />} />
            <Route path="necessity-records" element={<NecessityScreen />} />
            <Route path="necessity-records/new" element={<NecessityForm />} />
            <Route path="necessity-records/:id" element={<NecessityDetail />} />
          </Route>
          <Route path="prosecution" element={<ProsecutionScreen />} />
          <Route path="prosecution/:id/:requestId" element={<ProsecutionRequestScreen />} />
          <Route path="audit" element={<AuditScreen />} />
          <Route path="*" element={<Navigate to={homeOf(user.roles)} replace />} />
        </Route>
      </Routes>
      {expired && <SignInDialog />}
    </>
  );
}

interface Props {
  config: ConsoleConfig;
  initialLanguage: Language;
  /** Tests only. */
  initialToken?: string;
  basename?: string;
}

export function App({ config, initialLanguage, initialToken, basename = '/console' }: Props) {
  return (
    <BrowserRouter basename={basename}>
      <SessionProvider config={config} initialLanguage={initialLanguage} initialToken={initialToken}>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
