import { PERMISSIONS } from '@huican/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { SCREEN_ROLES } from './auth/permissions';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { AppLayout } from './components/AppLayout';
import { currentLanguage } from './i18n';
import { ANTD_LOCALES } from './i18n/antd-locale';
import { ApplicationDetailPage } from './pages/applications/ApplicationDetailPage';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ExpiringCertificatesPage } from './pages/certificates/ExpiringCertificatesPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { HomePage } from './pages/home/HomePage';
import { InstitutionDetailPage } from './pages/institutions/InstitutionDetailPage';
import { InstitutionFormPage } from './pages/institutions/InstitutionFormPage';
import { InstitutionsPage } from './pages/institutions/InstitutionsPage';
import { LoginPage } from './pages/login/LoginPage';
import { BudgetsPage } from './pages/payments/BudgetsPage';
import { CycleDetailPage } from './pages/payments/CycleDetailPage';
import { CyclesPage } from './pages/payments/CyclesPage';
import { PersonDetailPage } from './pages/persons/PersonDetailPage';
import { PersonFormPage } from './pages/persons/PersonFormPage';
import { PersonImportPage } from './pages/persons/PersonImportPage';
import { PersonsPage } from './pages/persons/PersonsPage';
import { ProgramDetailPage } from './pages/programs/ProgramDetailPage';
import { ProgramsPage } from './pages/programs/ProgramsPage';
import { RegionsPage } from './pages/regions/RegionsPage';
import { RehabPersonPage } from './pages/rehab/RehabPersonPage';
import { RehabPlansPage } from './pages/rehab/RehabPlansPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { SurveyProgressPage } from './pages/surveys/SurveyProgressPage';
import { UsersPage } from './pages/users/UsersPage';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network failures and 5xx get two more tries.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/"
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="users"
          element={
            <RequireRole roles={SCREEN_ROLES.users}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="persons">
          <Route
            index
            element={
              <RequireRole roles={SCREEN_ROLES.persons}>
                <PersonsPage />
              </RequireRole>
            }
          />
          <Route
            path="new"
            element={
              <RequireRole roles={SCREEN_ROLES.personsWrite}>
                <PersonFormPage />
              </RequireRole>
            }
          />
          <Route
            path="import"
            element={
              <RequireRole roles={SCREEN_ROLES.personsImport}>
                <PersonImportPage />
              </RequireRole>
            }
          />
          <Route
            path=":id"
            element={
              <RequireRole roles={SCREEN_ROLES.persons}>
                <PersonDetailPage />
              </RequireRole>
            }
          />
          <Route
            path=":id/edit"
            element={
              <RequireRole roles={SCREEN_ROLES.personsWrite}>
                <PersonFormPage />
              </RequireRole>
            }
          />
        </Route>
        <Route
          path="certificates/expiring"
          element={
            <RequireRole roles={SCREEN_ROLES.expiringCertificates}>
              <ExpiringCertificatesPage />
            </RequireRole>
          }
        />
        <Route
          path="surveys"
          element={
            <RequireRole roles={SCREEN_ROLES.surveys}>
              <SurveyProgressPage />
            </RequireRole>
          }
        />
        <Route path="programs">
          <Route
            index
            element={
              <RequireRole roles={SCREEN_ROLES.programs}>
                <ProgramsPage />
              </RequireRole>
            }
          />
          <Route
            path=":code"
            element={
              <RequireRole roles={SCREEN_ROLES.programs}>
                <ProgramDetailPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="applications">
          <Route
            index
            element={
              <RequireRole roles={SCREEN_ROLES.applications}>
                <ApplicationsPage />
              </RequireRole>
            }
          />
          <Route
            path="overdue"
            element={
              <RequireRole roles={SCREEN_ROLES.applications}>
                {/* A key of its own: the two lists keep no state between them. */}
                <ApplicationsPage key="overdue" overdueOnly />
              </RequireRole>
            }
          />
          <Route
            path=":id"
            element={
              <RequireRole roles={SCREEN_ROLES.applications}>
                <ApplicationDetailPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="rehab">
          <Route
            index
            element={
              <RequireRole roles={SCREEN_ROLES.rehab}>
                <RehabPlansPage />
              </RequireRole>
            }
          />
          <Route
            path="persons/:id"
            element={
              <RequireRole roles={SCREEN_ROLES.rehab}>
                <RehabPersonPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="institutions">
          <Route
            index
            element={
              <RequireRole roles={SCREEN_ROLES.institutions}>
                <InstitutionsPage />
              </RequireRole>
            }
          />
          <Route
            path="new"
            element={
              <RequireRole roles={SCREEN_ROLES.institutionsWrite}>
                <InstitutionFormPage />
              </RequireRole>
            }
          />
          <Route
            path=":id"
            element={
              <RequireRole roles={SCREEN_ROLES.institutions}>
                <InstitutionDetailPage />
              </RequireRole>
            }
          />
          <Route
            path=":id/edit"
            element={
              <RequireRole roles={SCREEN_ROLES.institutionsWrite}>
                <InstitutionFormPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="payments">
          <Route
            index
            element={
              <RequireRole roles={PERMISSIONS['payments.read']}>
                <CyclesPage />
              </RequireRole>
            }
          />
          <Route
            path="budgets"
            element={
              <RequireRole roles={PERMISSIONS['payments.read']}>
                <BudgetsPage />
              </RequireRole>
            }
          />
          <Route
            path=":id"
            element={
              <RequireRole roles={PERMISSIONS['payments.read']}>
                <CycleDetailPage />
              </RequireRole>
            }
          />
        </Route>
        <Route
          path="reports"
          element={
            <RequireRole roles={SCREEN_ROLES.reports}>
              <ReportsPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={SCREEN_ROLES.audit}>
              <AuditPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  useTranslation(); // re-render on a language switch
  const language = currentLanguage();
  dayjs.locale(language === 'en-US' ? 'en' : 'zh-cn');
  return (
    // No space inside two-character button labels ("登 录"): screen readers and tests read the real word.
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
