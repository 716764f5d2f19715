import type { Lang } from '@huican/core';
import type { Queryable } from '../../db/client.js';
import { findServiceItems, type ServiceItemView } from './service-items.js';

/** The public catalogue: active items in sort order. */
export function listServiceItems(db: Queryable, input: { lang: Lang; year: number }): Promise<ServiceItemView[]> {
  return findServiceItems(db, input);
}
