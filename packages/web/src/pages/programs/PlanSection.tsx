import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MonthlyByGrade, type ProgramDetail, type ProgramYear, setBudget, setStandard } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { useFormSubmit } from '../../lib/form-errors';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';

const GRADES = ['1', '2', '3', '4'] as const;
const MAX_YUAN = '21474836.47'; // the largest amount in fen an integer column holds

// The fields carry the server's names (so that its field errors land on them) but hold yuan, as typed.
type StandardValues = {
  monthlyCentsByGrade?: Partial<Record<(typeof GRADES)[number], string | null>>;
  amountCents?: string | null;
};
type BudgetValues = { budgetCents?: string | null };

/** A yuan amount with at most two decimals, typed exactly (stringMode): converted to fen without rounding. */
function YuanInput(props: { id?: string; value?: string | null; onChange?: (value: string | null) => void }) {
  return (
    <InputNumber<string> {...props} stringMode min="0" max={MAX_YUAN} precision={2} step="1" style={{ width: 160 }} />
  );
}

const yuanRequired = (message: string) => ({
  validator: async (_: unknown, value: string | null | undefined) => {
    if (yuanToFen(value) === null) throw new Error(message);
  },
});

function StandardForm({ program, year, yearView }: { program: ProgramDetail; year: number; yearView?: ProgramYear }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StandardValues>();
  const monthly = program.kind === 'monthly_subsidy';
  const fieldNames = ['monthlyCentsByGrade', 'amountCents'] as const;
  const save = useFormSubmit(form, fieldNames, {
    mutationFn: (values: StandardValues) =>
      setStandard(
        program.code,
        year,
        monthly
          ? {
              monthlyCentsByGrade: Object.fromEntries(
                GRADES.map((grade) => [grade, yuanToFen(values.monthlyCentsByGrade?.[grade]) ?? 0]),
              ) as MonthlyByGrade,
            }
          : { amountCents: yuanToFen(values.amountCents) ?? 0 },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['programs', 'detail', program.code] });
      void message.success(t('plan.standardSaved', { year }));
    },
  });
  const byGrade = yearView?.monthlyCentsByGrade;
  return (
    <Form<StandardValues>
      form={form}
      name="programStandard"
      layout="vertical"
      aria-labelledby="standardTitle"
      initialValues={{
        monthlyCentsByGrade: byGrade
          ? Object.fromEntries(GRADES.map((grade) => [grade, fenToYuan(byGrade[grade])]))
          : undefined,
        amountCents: yearView?.amountCents != null ? fenToYuan(yearView.amountCents) : undefined,
      }}
      onFinish={save.submit}
    >
      {save.error ? <Alert type="error" showIcon title={save.error} style={{ marginBottom: 12 }} /> : null}
      {monthly ? (
        <Flex gap={16} wrap>
          {GRADES.map((grade) => (
            <Form.Item
              key={grade}
              name={['monthlyCentsByGrade', grade]}
              label={t('plan.monthlyForGrade', { grade: t(`registry.grades.${grade}`) })}
              rules={[yuanRequired(t('plan.amountRequired'))]}
            >
              <YuanInput />
            </Form.Item>
          ))}
        </Flex>
      ) : (
        <Form.Item
          name="amountCents"
          label={program.unit === 'household' ? t('plan.amountPerHousehold') : t('plan.amountPerPerson')}
          rules={[yuanRequired(t('plan.amountRequired'))]}
        >
          <YuanInput />
        </Form.Item>
      )}
      <Button htmlType="submit" type="primary" loading={save.isPending}>
        {t('plan.saveStandard')}
      </Button>
    </Form>
  );
}

function BudgetForm({ program, year, yearView }: { program: ProgramDetail; year: number; yearView?: ProgramYear }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BudgetValues>();
  const save = useFormSubmit(form, ['budgetCents'], {
    mutationFn: (values: BudgetValues) => setBudget(program.code, year, yuanToFen(values.budgetCents) ?? 0),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['programs', 'detail', program.code] });
      void message.success(t('plan.budgetSaved', { year }));
    },
  });
  return (
    <Form<BudgetValues>
      form={form}
      name="programBudget"
      layout="inline"
      aria-labelledby="budgetTitle"
      initialValues={{ budgetCents: yearView?.budgetCents != null ? fenToYuan(yearView.budgetCents) : undefined }}
      onFinish={save.submit}
      style={{ rowGap: 12 }}
    >
      {save.error ? <Alert type="error" showIcon title={save.error} style={{ width: '100%' }} /> : null}
      <Form.Item name="budgetCents" label={t('plan.budgetYuan')} rules={[yuanRequired(t('plan.amountRequired'))]}>
        <InputNumber<string> stringMode min="0" precision={2} step="1000" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" type="primary" loading={save.isPending}>
          {t('plan.saveBudget')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** The year's benefit standard and budget: forms for planners (admin, officer), text for everyone else. */
export function PlanSection({
  program,
  year,
  yearView,
}: {
  program: ProgramDetail;
  year: number;
  yearView?: ProgramYear;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayPlan = can(user.role, 'programsPlan');
  const yuan = t('plan.yuan');
  const byGrade = yearView?.monthlyCentsByGrade;
  const standardText =
    program.kind === 'monthly_subsidy'
      ? byGrade
        ? GRADES.map((grade) =>
            t('plan.gradeAmount', { grade: t(`registry.grades.${grade}`), amount: formatYuan(byGrade[grade], yuan) }),
          ).join(t('common.listSeparator'))
        : t('plan.notSet')
      : yearView?.amountCents != null
        ? formatYuan(yearView.amountCents, yuan)
        : t('plan.notSet');
  // Remount the forms when the year or the saved values change, so that they show what is stored.
  const key = `${year}:${JSON.stringify(yearView ?? null)}`;
  return (
    <>
      <section aria-labelledby="standardTitle">
        <h2 id="standardTitle" className="section-title">
          {t('plan.standardTitle', { year })}
        </h2>
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'standard',
              label: program.kind === 'monthly_subsidy' ? t('plan.monthlyStandard') : t('plan.fixedStandard'),
              children: standardText,
            },
          ]}
        />
        {mayPlan ? <StandardForm key={key} program={program} year={year} yearView={yearView} /> : null}
      </section>
      <section aria-labelledby="budgetTitle">
        <h2 id="budgetTitle" className="section-title">
          {t('plan.budgetTitle', { year })}
        </h2>
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'budget',
              label: t('plan.budget'),
              children: yearView?.budgetCents != null ? formatYuan(yearView.budgetCents, yuan) : t('plan.notSet'),
            },
          ]}
        />
        {mayPlan ? <BudgetForm key={key} program={program} year={year} yearView={yearView} /> : null}
      </section>
    </>
  );
}
