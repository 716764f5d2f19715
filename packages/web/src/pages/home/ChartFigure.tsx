import { TableOutlined } from '@ant-design/icons';
import { Button, Card, Spin, type TableColumnsType } from 'antd';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { namedTable } from '../reports/report-format';
import type { ChartOption } from './dashboard-charts';

// ECharts comes with the first chart, in its own chunk: the sign-in page and the other screens do not load it.
const EChart = lazy(() => import('./EChart'));

type ChartFigureProps<T extends object> = {
  title: string;
  /** The chart in one or two sentences, shown under it and read as its name. */
  summary: string;
  option: ChartOption;
  /** The same figures as a table, for screen readers and for anyone who prefers numbers. */
  columns: TableColumnsType<T>;
  rows: T[];
  rowKey: keyof T & string;
};

/** A chart with its title, its text summary and a table alternative behind a toggle. */
export function ChartFigure<T extends object>({ title, summary, option, columns, rows, rowKey }: ChartFigureProps<T>) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  return (
    <Card style={{ height: '100%' }}>
      <section aria-labelledby={titleId}>
        <h3 id={titleId} className="subsection-title" style={{ marginBottom: 8 }}>
          {title}
        </h3>
        <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
          <EChart option={option} label={t('dashboard.chartLabel', { title, summary })} />
        </Suspense>
        <p className="chart-summary" style={{ margin: '8px 0' }}>
          {summary}
        </p>
        <Button
          icon={<TableOutlined aria-hidden />}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? t('dashboard.hideTable') : t('dashboard.showTable')}
        </Button>
        <div id={tableId} hidden={!showTable} style={{ marginTop: 12 }}>
          {showTable ? (
            <DataTable<T>
              label={title}
              components={namedTable(title)}
              rowKey={rowKey}
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
            />
          ) : null}
        </div>
      </section>
    </Card>
  );
}
