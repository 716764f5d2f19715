import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import type { Lang } from '../../i18n/messages.js';
import { toCatalogueView } from './program-view.js';

/**
 * A catalogue, with each entry's default rule as readable text: the programmes (GET /api/programs, the
 * contract's list) or the certificate services (GET /api/certificate-services).
 */
export async function listPrograms({
  db,
  lang,
  catalogue = 'programme',
}: {
  db: Db;
  lang: Lang;
  catalogue?: 'programme' | 'certificate';
}) {
  const rows = await db
    .select()
    .from(programs)
    .where(eq(programs.catalogue, catalogue))
    .orderBy(asc(programs.createdAt), asc(programs.code));
  return rows.map((p) => toCatalogueView(p, lang));
}
