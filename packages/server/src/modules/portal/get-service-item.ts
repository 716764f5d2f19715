import type { Lang } from '@huican/core';
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { findServiceItems, type ServiceItemView } from './service-items.js';

/** One active item's guide; 404 SERVICE_ITEM_NOT_FOUND for an unknown or withdrawn code. */
export async function getServiceItem(
  db: Queryable,
  input: { code: string; lang: Lang; year: number },
): Promise<ServiceItemView> {
  const [item] = await findServiceItems(db, input);
  if (!item) throw new AppError('SERVICE_ITEM_NOT_FOUND', 404);
  return item;
}
