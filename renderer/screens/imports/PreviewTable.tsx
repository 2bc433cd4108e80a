import type { FigureColumnPlan } from '../../../shared/imports';
import { columnRoles } from './column-roles';

/** The first rows of the file, each column headed by its name and what the import does with it. */
export function PreviewTable({
  header,
  rows,
  plan,
}: {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly plan: FigureColumnPlan | null;
}) {
  const roles = columnRoles(plan, header.length);
  return (
    <div className="preview-scroll import-preview-scroll">
      <table className="plain-table import-preview">
        <caption className="import-caption">The first {rows.length} rows of the file, as the import reads them</caption>
        <thead>
          <tr>
            {header.map((name, index) => {
              // Until the columns can be read (say the one indicator is not named yet), a column has no role to show.
              const role = roles[index];
              return (
                <th key={index} scope="col" data-role={role ?? 'unknown'}>
                  <span className="import-column-name">{name || `(column ${index + 1})`}</span>
                  {role ? <span className={`role role-${role.replace(/\W+/g, '-')}`}>{role}</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {header.map((_name, index) => (
                <td key={index} className={roles[index] === 'ignored' ? 'cell-muted' : undefined}>
                  {row[index] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
