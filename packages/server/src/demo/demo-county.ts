// The demo county 青禾县: fictional (its code 341599 is unused in the 2023 list), realistic in
// shape: 3 subdistricts, 9 towns, 3 townships and a development zone, about 200 villages and
// communities. Deterministic, so that the README and the browser tests can name its places.

export const DEMO_COUNTY = { code: '341599000000', name: '青禾县' };

export const DEMO_TOWNSHIPS: { code: string; name: string }[] = [
  ['001', '城东街道'],
  ['002', '城西街道'],
  ['003', '凤鸣街道'],
  ['101', '青禾镇'],
  ['102', '柳河镇'],
  ['103', '石桥镇'],
  ['104', '双塘镇'],
  ['105', '白沙镇'],
  ['106', '桃源镇'],
  ['107', '杨集镇'],
  ['108', '龙湾镇'],
  ['109', '新店镇'],
  ['201', '麻岗乡'],
  ['202', '东山乡'],
  ['203', '高庙乡'],
  ['401', '青禾经济开发区'],
].map(([t, name]) => ({ code: `341599${t}000`, name: name! }));

const COMMUNITY_NAMES = [
  '幸福',
  '和平',
  '建设',
  '东风',
  '人民',
  '文化',
  '阳光',
  '花园',
  '滨河',
  '振兴',
  '新华',
  '友谊',
];
const VILLAGE_FIRST = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const VILLAGE_SECOND = [
  '庄',
  '岗',
  '集',
  '湾',
  '圩',
  '店',
  '桥',
  '洼',
  '楼',
  '寨',
  '坝',
  '营',
  '墩',
  '岭',
  '冲',
  '塘',
  '河',
  '港',
  '堡',
  '园',
];

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DemoRegion = {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parentCode: string | null;
};

export function demoRegions(): DemoRegion[] {
  const random = seededRandom(20261125);
  const out: DemoRegion[] = [{ ...DEMO_COUNTY, level: 'county', parentCode: null }];
  for (const township of DEMO_TOWNSHIPS) {
    out.push({ ...township, level: 'township', parentCode: DEMO_COUNTY.code });
    const prefix = township.code.slice(0, 9);
    const isSubdistrict = township.code.slice(6, 9) < '100';
    const isZone = township.code.slice(6, 9) >= '400';
    const communities = isSubdistrict ? 6 + Math.floor(random() * 5) : isZone ? 3 : 1 + Math.floor(random() * 2);
    const villages = isSubdistrict ? 0 : isZone ? 4 : 10 + Math.floor(random() * 6);
    const used = new Set<string>();
    for (let i = 0; i < communities; i++) {
      const name = `${COMMUNITY_NAMES[(i + township.name.charCodeAt(0)) % COMMUNITY_NAMES.length]}社区`;
      out.push({
        code: `${prefix}${String(i + 1).padStart(3, '0')}`,
        name,
        level: 'village',
        parentCode: township.code,
      });
    }
    for (let i = 0; i < villages; i++) {
      let name: string;
      do {
        name = `${VILLAGE_FIRST[Math.floor(random() * VILLAGE_FIRST.length)]}${VILLAGE_SECOND[Math.floor(random() * VILLAGE_SECOND.length)]}村`;
      } while (used.has(name));
      used.add(name);
      out.push({ code: `${prefix}${String(201 + i)}`, name, level: 'village', parentCode: township.code });
    }
  }
  return out;
}

export const DEMO_PASSWORD = 'Huican@2026';

/** The demo accounts, one per role (documented in the README). */
export function demoUsers(regions: DemoRegion[]) {
  const firstVillageOf = (townshipCode: string) => regions.find((r) => r.parentCode === townshipCode)!.code;
  return [
    { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '000000000000' },
    { username: 'officer', displayName: '县残联业务科 周冬梅', role: 'officer', regionCode: DEMO_COUNTY.code },
    { username: 'finance', displayName: '县残联财务 钱建国', role: 'finance', regionCode: DEMO_COUNTY.code },
    { username: 'auditor', displayName: '审计员 孙立新', role: 'auditor', regionCode: DEMO_COUNTY.code },
    { username: 'township', displayName: '青禾镇专职委员 李红', role: 'township', regionCode: '341599101000' },
    { username: 'township2', displayName: '柳河镇专职委员 王磊', role: 'township', regionCode: '341599102000' },
    {
      username: 'village',
      displayName: '村专职委员 陈芳',
      role: 'village',
      regionCode: firstVillageOf('341599101000'),
    },
    { username: 'institution', displayName: '县残疾人康复中心', role: 'institution', regionCode: DEMO_COUNTY.code },
  ] as const;
}
