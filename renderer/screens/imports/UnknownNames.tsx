import { describeWhere } from '../../../shared/errors';
import type { UnknownNameData } from '../../../shared/imports';
import { existingOptions, nameKey, type ExistingName, type NameChoice } from './name-choices';

interface UnknownNamesProps {
  readonly unknown: readonly UnknownNameData[];
  /** Every existing name of each kind, for "map to an existing one". */
  readonly existing: Readonly<Record<UnknownNameData['kind'], readonly ExistingName[]>>;
  readonly choices: ReadonlyMap<string, NameChoice>;
  readonly onChoose: (key: string, choice: NameChoice | null) => void;
}

const CREATE = '\u0000create';

/** Where the name came from: a row and column of the file, or the one indicator or period named above. */
function whereText(name: UnknownNameData): string {
  const { where } = name;
  if (where?.row === undefined && (where?.field === 'indicator' || where?.field === 'period')) {
    return `the ${where.field} named above, for the whole file`;
  }
  return describeWhere(where);
}

/** Names in the file the database does not know, each with a choice: create it, or map it to an existing one. */
export function UnknownNames({ unknown, existing, choices, onChoose }: UnknownNamesProps) {
  return (
    <table className="plain-table unknown-names">
      <caption className="import-caption">
        {unknown.length === 1 ? 'One name' : `${unknown.length} names`} in the file the database does not know
      </caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Name in the file</th>
          <th scope="col">Where</th>
          <th scope="col">Use</th>
        </tr>
      </thead>
      <tbody>
        {unknown.map((name) => {
          const key = nameKey(name);
          const choice = choices.get(key);
          const value = !choice ? '' : 'create' in choice ? CREATE : String(choice.existing);
          const options = existingOptions(name.suggestions, existing[name.kind]);
          return (
            <tr key={key}>
              <td>{name.kind}</td>
              <th scope="row">
                {name.name}
                {name.mappedTo ? <span className="cell-muted"> (mapped to {name.mappedTo}, not found)</span> : null}
              </th>
              <td>{whereText(name)}</td>
              <td>
                <select
                  aria-label={`Use for ${name.kind} ${name.name}`}
                  value={value}
                  onChange={(event) => {
                    const next = event.target.value;
                    onChoose(key, next === '' ? null : next === CREATE ? { create: true } : { existing: Number(next) });
                  }}
                >
                  <option value="">Choose…</option>
                  <option value={CREATE}>
                    Create {name.kind} “{name.name}”
                  </option>
                  {options.suggested.length > 0 ? (
                    <optgroup label="Nearest names">
                      {options.suggested.map((option) => (
                        <option key={option.id} value={option.id}>
                          {option.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  <optgroup label={`Every ${name.kind}`}>
                    {options.rest.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.name}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
