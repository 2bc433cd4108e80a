import type { ChartTable as ChartTableData } from '../../shared/charts/chart-data';

/** The table that stands in for a chart: the same figures, as text (figures right-aligned). */
export function ChartTable({ table }: { readonly table: ChartTableData }) {
  const numeric = (index: number) => index > 0 && !(table.textColumns ?? []).includes(index);
  return (
    <table className="plain-table chart-table">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.headers.map((header, index) => (
            <th key={header} scope="col" className={numeric(index) ? 'num' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index} className={numeric(index) ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
