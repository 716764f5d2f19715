// Certificate services (残疾人证业务): the DPF's most frequent counter work, filed and decided with the
// same application workflow as the programmes; completing one changes the registry (issues, renews,
// changes, reissues or cancels the certificate, or moves the person). Seeded into the catalogue beside
// the programmes, under catalogue 'certificate' (GET /api/programs lists only the programmes).

import type { Rule } from './eligibility/rule.js';
import type { ProgramDefaults } from './programs.js';

export const CERTIFICATE_SERVICE_ACTIONS = [
  'new',
  'renew',
  'change',
  'reissue',
  'transfer_in',
  'transfer_out',
  'cancel',
] as const;
export type CertificateServiceAction = (typeof CERTIFICATE_SERVICE_ACTIONS)[number];

export type CertificateServiceDefaults = Omit<ProgramDefaults, 'kind' | 'unit' | 'standard'> & {
  action: CertificateServiceAction;
};

const ACTIVE: Rule = { fact: 'personStatus', in: ['active'] };
const IN_FORCE: Rule = { fact: 'certificateStatus', in: ['valid', 'expiring'] };
const ID_CARD = '居民身份证';
const HOUSEHOLD_REGISTER = '户口簿';
const CERTIFICATE = '残疾人证';
const PHOTOS = '近期一寸免冠照片 2 张';

export const CERTIFICATE_SERVICES: readonly CertificateServiceDefaults[] = [
  {
    code: 'cert_new',
    action: 'new',
    name: { zh: '残疾人证申领（评残）', en: 'Disability certificate application (assessment)' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, HOUSEHOLD_REGISTER, PHOTOS, '残疾评定表（定点医院）'],
    // A person with no certificate, or whose certificate was cancelled, applies; the assessment decides.
    rule: { all: [{ fact: 'certificateStatus', in: ['none', 'cancelled'] }, ACTIVE] },
  },
  {
    code: 'cert_renew',
    action: 'renew',
    name: { zh: '残疾人证到期换领', en: 'Certificate renewal' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, PHOTOS],
    // Renewal opens a year before expiry; the registry checks the date when the renewal is completed.
    rule: { all: [{ fact: 'certificateStatus', in: ['valid', 'expiring', 'expired'] }, ACTIVE] },
  },
  {
    code: 'cert_change',
    action: 'change',
    name: { zh: '残疾类别、等级变更', en: 'Change of category or grade' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, PHOTOS, '残疾评定表（定点医院）'],
    rule: { all: [IN_FORCE, ACTIVE] },
  },
  {
    code: 'cert_reissue',
    action: 'reissue',
    name: { zh: '残疾人证补领（遗失、损毁）', en: 'Certificate reissue (lost or damaged)' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, PHOTOS, '遗失声明或损毁的残疾人证'],
    rule: { all: [IN_FORCE, ACTIVE] },
  },
  {
    code: 'cert_transfer_in',
    action: 'transfer_in',
    name: { zh: '残疾人证迁入', en: 'Certificate transfer in' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, HOUSEHOLD_REGISTER, CERTIFICATE, '户口迁移证明'],
    rule: { fact: 'certificateStatus', in: ['valid', 'expiring'] },
  },
  {
    code: 'cert_transfer_out',
    action: 'transfer_out',
    name: { zh: '残疾人证迁出', en: 'Certificate transfer out' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '户口迁移证明'],
    rule: { all: [IN_FORCE, ACTIVE] },
  },
  {
    code: 'cert_cancel',
    action: 'cancel',
    name: { zh: '残疾人证注销', en: 'Certificate cancellation' },
    autoApproval: false,
    requiredDocuments: [ID_CARD, CERTIFICATE, '注销原因证明（死亡、康复等）'],
    rule: { fact: 'certificateStatus', in: ['valid', 'expiring', 'expired', 'frozen'] },
  },
];

export function certificateServiceByCode(code: string): CertificateServiceDefaults | undefined {
  return CERTIFICATE_SERVICES.find((s) => s.code === code);
}
