import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import type { FieldDef } from '../../../main/datasets/kinds';
import { formatDate, formatMoney, formatQuantity } from '../../../main/format/numbers';
import { useWorkspace } from '../workspace-context';

const filterFor: Record<FieldDef['type'], string> = {
  text: 'agTextColumnFilter',
  date: 'agDateColumnFilter',
  money: 'agNumberColumnFilter',
  qty: 'agNumberColumnFilter',
  int: 'agNumberColumnFilter',
  decimal: 'agTextColumnFilter',
};

const widthFor: Record<FieldDef['type'], number> = {
  text: 140,
  date: 125,
  money: 135,
  qty: 100,
  int: 80,
  decimal: 120,
};
const wideFields = new Set(['name', 'address']);
const docTypes: Record<string, string> = { invoice: 'Invoice', credit_note: 'Credit note' };

/** Grid columns for a dataset's fields: the right filter, alignment and formatter per type. */
export function useDatasetColumnDefs(fields: readonly FieldDef[]): ColDef[] {
  const { currency, locale } = useWorkspace();
  return useMemo(
    () =>
      fields.map((field): ColDef => {
        const numeric = field.type === 'money' || field.type === 'qty' || field.type === 'int';
        const formatters: Partial<Record<FieldDef['type'], (p: ValueFormatterParams) => string>> = {
          money: (p) => formatMoney(p.value, currency, locale),
          qty: (p) => formatQuantity(p.value, locale),
          int: (p) => formatQuantity(p.value, locale),
          date: (p) => formatDate(p.value, locale),
        };
        return {
          field: field.name,
          headerName: field.label,
          filter: filterFor[field.type],
          filterParams: { buttons: ['reset', 'apply'], maxNumConditions: 2 },
          type: numeric ? 'rightAligned' : undefined,
          valueFormatter:
            field.name === 'doc_type'
              ? (p) => docTypes[String(p.value)] ?? String(p.value ?? '')
              : formatters[field.type],
          width: wideFields.has(field.name) ? 240 : widthFor[field.type],
          minWidth: 70,
        };
      }),
    [fields, currency, locale],
  );
}
