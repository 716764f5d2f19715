import { api } from './client';
import type { Household } from './types';

export type HouseholdMemberInput = { personId: string; relation: string };
export type NewHousehold = { regionCode: string; address?: string | null; members: HouseholdMemberInput[] };

const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`;

export const getHousehold = (id: string) => api.get<Household>(householdPath(id));
export const createHousehold = (household: NewHousehold) => api.post<Household>('/api/households', household);
export const addHouseholdMember = (id: string, member: HouseholdMemberInput) =>
  api.post<Household>(`${householdPath(id)}/members`, member);
export const removeHouseholdMember = (id: string, personId: string) =>
  api.delete<Household>(`${householdPath(id)}/members/${encodeURIComponent(personId)}`);
