// The CSV the import benchmark uploads: valid, distinct persons in the demo county's villages.
import { makeCertificateNumber, makeIdNumber } from '@huican/core';
import { demoRegions } from '../packages/server/src/demo/demo-county.ts';

/** A CSV of `n` valid, distinct persons in the demo county's villages. */
export function makeCsv(n: number, salt: number): Buffer {
  const villages = demoRegions().filter((r) => r.level === 'village');
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜敏静强磊军洋勇艳杰娟涛明超秀霞平刚';
  const lines = ['姓名,身份证号,残疾证号,发证日期,区划代码,联系电话,住址,低保,特困,监测户'];
  const start = Date.UTC(1940, 0, 1);
  for (let i = 0; i < n; i++) {
    // Distinct IDs: a birth date per 500 rows, then the sequence number (the salt shifts the dates).
    const day = Math.floor(i / 500) + salt * 3000;
    const birth = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const id = makeIdNumber('341599', birth, i % 500);
    const village = villages[i % villages.length]!;
    const name = `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13) % given.length]}`;
    const cert = i % 10 === 0 ? '' : makeCertificateNumber(id, (i % 7) + 1 === 7 ? 4 : (i % 7) + 1, (i % 4) + 1);
    lines.push(
      `${name},${id},${cert},${cert ? '2020-06-01' : ''},${village.code},${i % 3 === 0 ? '' : `138${String(i).padStart(8, '0')}`},${village.name}${i % 12}组,${i % 5 === 0 ? '是' : '否'},否,${i % 17 === 0 ? '是' : '否'}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}
