import { normalizeCertificateNumber, parseCertificateNumber } from '@huican/core';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { disabilityText } from './labels';

export const normalizedCertificate = (raw: string | undefined) => normalizeCertificateNumber(raw ?? '');

/** Whether a certificate number's category digit is 7 (多重), which needs its components listed. */
export const isMultipleCertificate = (number: string) => parseCertificateNumber(number)?.category === 7;

/** Well formed, and its first 18 characters are the holder's ID number (when that is known). */
export const certificateNumberRule = (t: TFunction, idNumber: () => string | null): FormRule => ({
  validator: async (_, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed = parseCertificateNumber(normalizedCertificate(value));
    if (!parsed) throw new Error(t('certificate.numberFormat'));
    const id = idNumber();
    if (id && id.length === 18 && parsed.idNumber !== id) throw new Error(t('certificate.numberMismatch'));
  },
});

/** What a certificate number is made of, and, once it can be read, the category and grade it stands for. */
export function CertificateNumberHint({ number }: { number: string | undefined }) {
  const { t } = useTranslation();
  const parsed = parseCertificateNumber(normalizedCertificate(number));
  return (
    <>
      <span>{t('certificate.numberHint')}</span>
      {parsed ? (
        <>
          <br />
          <span>{t('certificate.numberParsed', { disability: disabilityText(t, parsed.category, parsed.grade) })}</span>
        </>
      ) : null}
    </>
  );
}
