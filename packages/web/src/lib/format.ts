import { ROOT_REGION_CODE } from '@huican/core';
import dayjs from 'dayjs';

export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '');

/** `000000000000` is not a place but "everything": name it so. */
export const regionLabel = (code: string, name: string | null | undefined, allRegions: string) =>
  code === ROOT_REGION_CODE ? allRegions : name || code;

export const isLocked = (lockedUntil: string | null) => lockedUntil !== null && dayjs(lockedUntil).isAfter(dayjs());
