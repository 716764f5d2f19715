import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  type ProgramDetail,
  type ProgramYear,
  previewRule,
  type RulePreview,
  resetYearRule,
  setYearRule,
} from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';

type Problem = { path: string; message: string };

/** The server's `fields` of a refused rule (`rule`, `rule.all.1.in`…) as paths inside the rule. */
function ruleProblems(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.fields)
    .filter(([key]) => key === 'rule' || key.startsWith('rule.'))
    .map(([key, message]) => ({ path: key === 'rule' ? '' : key.slice('rule.'.length), message }));
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, message: cause instanceof Error ? cause.message : String(cause) };
  }
}

/**
 * The year's eligibility rule in words; for an admin, the rule as JSON to edit (checked by the server, every
 * problem shown with its path); for planners, how many registry persons the rule matches.
 */
export function RuleSection({
  program,
  year,
  yearView,
}: {
  program: ProgramDetail;
  year: number;
  yearView: ProgramYear | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const editorId = useId();
  const problemsId = useId();
  const mayEdit = can(user.role, 'programsWrite');
  const mayPreview = can(user.role, 'programsPlan');
  const rule = yearView?.rule ?? program.rule;
  const ruleText = yearView?.ruleText ?? program.ruleText;
  const isDefault = yearView?.ruleIsDefault ?? true;
  const original = JSON.stringify(rule, null, 2);
  const [text, setText] = useState(original);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const edited = text !== original;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['programs'] });
  const onError = (cause: Error) => {
    const found = ruleProblems(cause);
    setProblems(found);
    setGeneralError(found.length > 0 ? null : cause.message);
  };
  const clear = () => {
    setProblems([]);
    setGeneralError(null);
  };

  /** The editor's rule, or null (with the JSON problem shown) when it is not JSON. */
  const editorRule = (): { value: unknown } | null => {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      setProblems([{ path: '', message: t('rule.notJson', { message: parsed.message }) }]);
      return null;
    }
    return { value: parsed.value };
  };

  const save = useMutation({
    mutationFn: (value: unknown) => setYearRule(program.code, year, value),
    onSuccess: (view) => {
      setText(JSON.stringify(view.rule, null, 2));
      void message.success(t('rule.saved', { year }));
      refresh();
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: () => resetYearRule(program.code, year),
    onSuccess: (view) => {
      setText(JSON.stringify(view.rule, null, 2));
      void message.success(t('rule.resetDone', { year }));
      refresh();
    },
    onError,
  });
  const runPreview = useMutation({
    mutationFn: (value: { value: unknown } | undefined) => previewRule(program.code, year, value?.value),
    onSuccess: setPreview,
    onError,
  });

  return (
    <section aria-labelledby="ruleTitle">
      <h2 id="ruleTitle" className="section-title">
        {t('rule.title', { year })}
      </h2>
      <Typography.Paragraph>{ruleText}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {isDefault ? t('rule.isDefault') : t('rule.isYearRule', { year })}
      </Typography.Paragraph>
      {mayEdit ? (
        <>
          <label htmlFor={editorId} className="field-label">
            {t('rule.editorLabel')}
          </label>
          <Typography.Paragraph type="secondary" id={`${editorId}-hint`}>
            {t('rule.editorHint')}
          </Typography.Paragraph>
          <Input.TextArea
            id={editorId}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setPreview(null);
            }}
            autoSize={{ minRows: 6, maxRows: 24 }}
            spellCheck={false}
            className="code-input"
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length > 0 ? `${editorId}-hint ${problemsId}` : `${editorId}-hint`}
          />
        </>
      ) : null}
      {problems.length > 0 ? (
        <Alert
          id={problemsId}
          type="error"
          showIcon
          role="alert"
          title={t('rule.problemsTitle', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  {problem.path
                    ? t('rule.problemAt', { path: problem.path, message: problem.message })
                    : problem.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginTop: 12 }}
        />
      ) : null}
      {generalError ? <Alert type="error" showIcon title={generalError} style={{ marginTop: 12 }} /> : null}
      {mayEdit || mayPreview ? (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {mayEdit ? (
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => {
                clear();
                const parsed = editorRule();
                if (parsed) save.mutate(parsed.value);
              }}
            >
              {t('rule.save', { year })}
            </Button>
          ) : null}
          {mayPreview ? (
            <Button
              loading={runPreview.isPending}
              onClick={() => {
                clear();
                if (!mayEdit || !edited) {
                  runPreview.mutate(undefined);
                  return;
                }
                const parsed = editorRule();
                if (parsed) runPreview.mutate(parsed);
              }}
            >
              {t('rule.preview')}
            </Button>
          ) : null}
          {mayEdit && edited ? (
            <Button
              onClick={() => {
                clear();
                setText(original);
              }}
            >
              {t('rule.discard')}
            </Button>
          ) : null}
          {mayEdit && !isDefault ? (
            <Button
              loading={reset.isPending}
              onClick={() => {
                clear();
                reset.mutate();
              }}
            >
              {t('rule.reset')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      <p role="status" aria-live="polite" className="live-region" style={{ marginTop: 12 }}>
        {preview
          ? t(edited ? 'rule.previewEdited' : 'rule.previewResult', {
              matched: preview.matched,
              total: preview.total,
              on: preview.on,
            })
          : ''}
      </p>
    </section>
  );
}
