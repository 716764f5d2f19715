import type { ProgramKind, ProgramUnit } from '@huican/core';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const kindName = (t: TFunction, kind: ProgramKind) => t(`programs.kinds.${kind}`);
export const unitName = (t: TFunction, unit: ProgramUnit) => t(`programs.units.${unit}`);

/** 启用 / 停用 in words; the colour repeats it. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Tag color="success" variant="solid">
      {t('programs.active')}
    </Tag>
  ) : (
    <Tag>{t('programs.inactive')}</Tag>
  );
}
