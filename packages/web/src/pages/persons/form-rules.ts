import { ROOT_REGION_CODE, regionLevel } from '@huican/core';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** A person lives in a township or a village, never directly in a county. */
export const regionRule = (t: TFunction): FormRule => ({
  validator: async (_, code: string | undefined) => {
    if (!code) return;
    if (code === ROOT_REGION_CODE || regionLevel(code) === 'county') throw new Error(t('personForm.regionCounty'));
  },
});
