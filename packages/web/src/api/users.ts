import type { Role } from '@huican/core';
import { api } from './client';
import type { Page, UserAccount } from './types';

export type UserListQuery = { page: number; pageSize: number; q?: string; role?: Role };
export type NewUser = { username: string; password: string; displayName: string; role: Role; regionCode: string };

export const listUsers = (query: UserListQuery) => api.get<Page<UserAccount>>('/api/users', query);
export const createUser = (user: NewUser) => api.post<UserAccount>('/api/users', user);
export const resetUserPassword = (id: string, password: string) =>
  api.post<void>(`/api/users/${encodeURIComponent(id)}/reset-password`, { password });
export const setUserActive = (id: string, active: boolean) =>
  api.post<UserAccount>(`/api/users/${encodeURIComponent(id)}/active`, { active });
