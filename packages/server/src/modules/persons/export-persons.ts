import { PassThrough } from 'node:stream';
import {
  CATEGORY_NAMES,
  certificateStatus,
  type DisabilityCategory,
  maskCertificateNumber,
  maskIdNumber,
  maskPhone,
} from '@huican/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { persons, regions } from '../../db/schema/index.js';
import { type Actor, assertCan } from '../../http/actor.js';
import { logSafeError } from '../../http/log-safe-error.js';
import { safeCell } from '../../spreadsheets/safe-cell.js';
import { writeAudit } from '../audit/write-audit.js';
import { personConditions } from './person-filters.js';
import { seesUnmasked } from './person-view.js';
import type { PersonFilters } from './persons.schemas.js';

const CHUNK = 5000;
const STATUS_ZH = { active: '在册', deceased: '死亡', moved_out: '迁出', cancelled: '注销' } as const;
const CERT_STATUS_ZH = {
  valid: '有效',
  expiring: '即将到期',
  expired: '已过期',
  frozen: '冻结',
  cancelled: '注销',
} as const;
const yesNo = (b: boolean) => (b ? '是' : '否');

/**
 * Streams every person matching the filters into an xlsx, a chunk of rows at a time (keyset on
 * region code and id), so a county's whole registry never sits in memory. Masked per role; the
 * export itself is audited with its filters and row count.
 */
export async function exportPersons(o: {
  db: Db;
  actor: Actor;
  filters: PersonFilters;
  today: string;
  now: Date;
  log: FastifyBaseLogger;
}): Promise<PassThrough> {
  assertCan(o.actor, 'persons.export');
  const where = personConditions(o.actor, o.filters, o.today); // validates the scope before streaming starts
  const unmasked = seesUnmasked(o.actor.role);
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet('残疾人');
  sheet.columns = [
    ['姓名', 10],
    ['性别', 6],
    ['出生日期', 12],
    ['身份证号', 21],
    ['残疾证号', 24],
    ['残疾类别', 8],
    ['残疾等级', 8],
    ['发证日期', 12],
    ['有效期至', 12],
    ['证件状态', 10],
    ['区划代码', 14],
    ['区划名称', 14],
    ['联系电话', 14],
    ['住址', 30],
    ['低保', 6],
    ['特困', 6],
    ['监测户', 6],
    ['状态', 6],
  ].map(([header, width]) => ({ header: header as string, width: width as number }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  (async () => {
    let written = 0;
    let after: { regionCode: string; id: string } | null = null;
    for (;;) {
      const rows: { p: typeof persons.$inferSelect; regionName: string | null }[] = await o.db
        .select({ p: persons, regionName: regions.name })
        .from(persons)
        .leftJoin(regions, eq(regions.code, persons.regionCode))
        .where(
          and(
            where,
            after ? sql`(${persons.regionCode}, ${persons.id}) > (${after.regionCode}, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(asc(persons.regionCode), asc(persons.id))
        .limit(CHUNK);
      for (const { p, regionName } of rows) {
        sheet
          .addRow([
            safeCell(p.name),
            p.gender === 'male' ? '男' : '女',
            p.birthDate,
            unmasked ? p.idNumber : maskIdNumber(p.idNumber),
            p.certNumber ? (unmasked ? p.certNumber : maskCertificateNumber(p.certNumber)) : '',
            p.category ? CATEGORY_NAMES[p.category as DisabilityCategory].zh : '',
            p.grade ? `${p.grade}级` : '',
            p.certIssuedOn ?? '',
            p.certValidUntil ?? '',
            p.certValidUntil
              ? CERT_STATUS_ZH[
                  certificateStatus({ validUntil: p.certValidUntil, state: p.certState ?? 'normal' }, o.today)
                ]
              : '无证',
            p.regionCode,
            safeCell(regionName),
            p.phone ? (unmasked ? p.phone : maskPhone(p.phone)) : '',
            safeCell(p.address),
            yesNo(p.lowIncome),
            yesNo(p.extremePoverty),
            yesNo(p.povertyMonitored),
            STATUS_ZH[p.status],
          ])
          .commit();
      }
      written += rows.length;
      if (rows.length < CHUNK) break;
      const last = rows[rows.length - 1]!.p;
      after = { regionCode: last.regionCode, id: last.id };
    }
    await workbook.commit();
    await writeAudit(
      o.db,
      o.actor,
      {
        action: 'person.export',
        entityType: 'person',
        regionCode: o.filters.regionCode ?? o.actor.regionCode,
        details: { rows: written, filters: { ...o.filters, q: o.filters.q ? '*' : undefined }, masked: !unmasked },
      },
      o.now,
    );
  })().catch((err) => {
    o.log.error({ err: logSafeError(err) }, 'person export failed');
    stream.destroy(err as Error);
  });
  return stream;
}
