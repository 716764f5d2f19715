import { Flex, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keeps the browser tab title in step with the page: "<page> · 惠残". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}

/** The page's one <h1>, with the page's main actions beside it. */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <h1 className="page-title">{title}</h1>
      {extra ? (
        <Flex gap={8} wrap align="center">
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** A page whose data is still on its way: the title says so. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('common.loading')} />
      <Spin />
    </>
  );
}
