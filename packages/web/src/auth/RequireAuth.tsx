import type { Role } from '@huican/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { type ReturnTo, useAuth } from './AuthProvider';
import { canOpen } from './permissions';

/** Sends a signed-out visitor to sign-in, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const from: ReturnTo = { pathname: location.pathname, search: location.search, hash: location.hash };
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return children;
}

/** Shows the 403 page to a role that may not open the screen. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !canOpen(user.role, roles)) return <ForbiddenPage />;
  return children;
}
