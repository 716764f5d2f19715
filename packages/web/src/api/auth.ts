import { api } from './client';
import type { SessionUser } from './types';

export type Credentials = { username: string; password: string };

export const signIn = (credentials: Credentials) => api.post<{ user: SessionUser }>('/api/auth/login', credentials);
export const signOut = () => api.post<void>('/api/auth/logout');
export const fetchCurrentUser = () => api.get<{ user: SessionUser }>('/api/auth/me');
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post<void>('/api/auth/password', body);
