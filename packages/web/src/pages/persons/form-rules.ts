import { regionLevel } from '@huican/core';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { ALL_REGIONS_CODE } from '../../api/types';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** A person lives in a township or a village, never directly in a county. */
export const regionRule = (t: TFunction): FormRule => ({
  validator: async (_, code: string | undefined) => {
    if (!code) return;
    if (code === ALL_REGIONS_CODE || regionLevel(code) === 'county') throw new Error(t('personForm.regionCounty'));
  },
});
