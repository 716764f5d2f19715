import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRegion, listChildRegions, listRootRegions } from '../api/regions';
import type { RegionNode } from '../api/types';

type RegionOption = {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
};

export type RegionPickerProps = {
  /** The chosen region's 12-digit code. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
};

const toOption = (node: RegionNode): RegionOption => ({
  value: node.code,
  label: node.name,
  isLeaf: node.childCount === 0,
});

function withChildren(options: RegionOption[], path: string[], children: RegionOption[]): RegionOption[] {
  const [head, ...rest] = path;
  return options.map((option) => {
    if (option.value !== head) return option;
    if (rest.length === 0) return { ...option, children };
    return { ...option, children: withChildren(option.children ?? [], rest, children) };
  });
}

/**
 * Chooses a region within the user's scope, loading each level on demand. Any level may be chosen, not only a
 * village. Inside a Form.Item the item's label names it; used alone, pass an aria-label.
 */
export function RegionPicker({
  value,
  onChange,
  placeholder,
  style,
  allowClear = true,
  id,
  ...rest
}: RegionPickerProps) {
  const { t } = useTranslation();
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const roots = useQuery({ queryKey: ['regions', 'roots'], queryFn: listRootRegions });
  useEffect(() => {
    if (roots.data) setOptions(roots.data.map(toOption));
  }, [roots.data]);

  const loadChildren = useCallback(async (optionPath: string[]) => {
    const children = (await listChildRegions(optionPath[optionPath.length - 1]!)).map(toOption);
    setOptions((current) => withChildren(current, optionPath, children));
  }, []);

  // A value set from outside (an initial value, a reset): load the levels down to it so it can be shown.
  useEffect(() => {
    if (!value) {
      setPath((current) => (current.length === 0 ? current : []));
      return;
    }
    if (path[path.length - 1] === value || options.length === 0) return;
    let cancelled = false;
    void (async () => {
      const detail = await getRegion(value);
      const codes = [...detail.path.map((step) => step.code), detail.code].filter(
        (code, index, all) => all.indexOf(code) === index,
      );
      const rootCodes = new Set(optionsRef.current.map((option) => option.value));
      const rootIndex = codes.findIndex((code) => rootCodes.has(code));
      if (rootIndex < 0 || cancelled) return;
      const visible = codes.slice(rootIndex);
      for (let depth = 1; depth < visible.length; depth += 1) {
        await loadChildren(visible.slice(0, depth));
      }
      if (!cancelled) setPath(visible);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [value, options.length, path, loadChildren]);

  return (
    <Cascader<RegionOption>
      // Standalone (no Form.Item label pointing at an id), the picker still needs a name.
      aria-label={id ? undefined : t('regionPicker.label')}
      {...rest}
      id={inputId}
      // The input says it controls "<id>_list" but the cascader's columns carry no such id (an axe violation):
      // give the popup that id.
      popupRender={(menus) => <div id={`${inputId}_list`}>{menus}</div>}
      style={{ minWidth: 240, ...style }}
      options={options}
      value={path}
      changeOnSelect
      allowClear={allowClear}
      placeholder={placeholder ?? t('regionPicker.placeholder')}
      loadData={(selected) => {
        void loadChildren(selected.map((option) => option.value));
      }}
      onChange={(selectedPath) => {
        const codes = (selectedPath ?? []).map(String);
        setPath(codes);
        onChange?.(codes[codes.length - 1]);
      }}
    />
  );
}
