import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { fetchCurrentUser, signOut as postSignOut } from '../api/auth';
import { ApiError, onSessionEnded } from '../api/client';
import type { SessionUser } from '../api/types';
import { FullPageStatus } from '../components/FullPageStatus';

export const CURRENT_USER_KEY = ['auth', 'me'] as const;

/** Where to go back to after signing in again. */
export type ReturnTo = { pathname: string; search: string; hash: string };

type AuthContextValue = {
  user: SessionUser | null;
  /** True after the server ended the session under the user's feet; cleared by the next sign-in. */
  sessionExpired: boolean;
  signedIn: (user: SessionUser) => void;
  signOut: () => Promise<void>;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for screens behind <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser used on a screen without <RequireAuth>');
  return user;
}

async function loadCurrentUser(): Promise<SessionUser | null> {
  try {
    return (await fetchCurrentUser()).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [sessionExpired, setSessionExpired] = useState(false);
  const me = useQuery({ queryKey: CURRENT_USER_KEY, queryFn: loadCurrentUser, staleTime: Number.POSITIVE_INFINITY });
  const user = me.data ?? null;

  const forgetSession = useCallback(() => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_KEY[0] });
    queryClient.setQueryData(CURRENT_USER_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    onSessionEnded(() => {
      // Only a session that existed can expire; a 401 while signed out is just "please sign in".
      if (!queryClient.getQueryData(CURRENT_USER_KEY)) return;
      const { pathname, search, hash } = window.location;
      const from: ReturnTo = { pathname, search, hash };
      setSessionExpired(true);
      forgetSession();
      navigate('/login', { replace: true, state: { from } });
    });
    return () => onSessionEnded(null);
  }, [queryClient, navigate, forgetSession]);

  const signedIn = useCallback(
    (signedInUser: SessionUser) => {
      setSessionExpired(false);
      queryClient.setQueryData(CURRENT_USER_KEY, signedInUser);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
    } finally {
      setSessionExpired(false);
      forgetSession();
      navigate('/login', { replace: true });
    }
  }, [forgetSession, navigate]);

  const value = useMemo(() => ({ user, sessionExpired, signedIn, signOut }), [user, sessionExpired, signedIn, signOut]);

  if (me.isPending) return <FullPageStatus />;
  if (me.isError) return <FullPageStatus error={me.error} onRetry={() => void me.refetch()} />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
