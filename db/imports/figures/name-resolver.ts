import { BoardpackError, type ErrorWhere } from '../../../shared/errors';
import { nearestNames, normaliseName } from '../../../shared/names';
import type { NameKind, UnknownName } from './unknown-names-error';

/** An existing indicator, area or period: its id and every name it answers to. */
export interface NamedEntry {
  readonly id: number;
  readonly names: readonly string[];
}

/** What a mapping says about one name of the file. */
export type NameTarget<Create> = string | { readonly id: number } | { readonly create: Create };

/**
 * Makes a new entry under `name` (details from the mapping, when it has some).
 * It may find that the entry exists under another name (a "Total Bucks" row is
 * the existing "Bucks"): `find` looks names up, and `created` says which happened.
 */
export type CreateEntry<Create, Hint> = (
  name: string,
  details: Create | undefined,
  hint: Hint,
  where: ErrorWhere,
  find: (name: string) => NamedEntry | undefined,
) => Promise<{ readonly entry: NamedEntry; readonly created: boolean }>;

export interface ResolverOptions<Create, Hint> {
  readonly kind: NameKind;
  readonly entries: readonly NamedEntry[];
  /** The mapping's names for this kind, keyed as the file writes them. */
  readonly targets: Readonly<Record<string, NameTarget<Create>>>;
  readonly createMissing: boolean;
  readonly create: CreateEntry<Create, Hint>;
}

/**
 * Turns the names a file uses into ids: through the mapping first, then by name
 * or alias (case, dashes and spacing ignored). A name that matches nothing is
 * created when the mapping says so or when missing names may be created, and
 * otherwise remembered, with the nearest existing names, for one report at the end.
 */
export class NameResolver<Create, Hint> {
  readonly unknown: UnknownName[] = [];
  readonly created: string[] = [];
  private readonly entries: NamedEntry[];
  private readonly byName = new Map<string, NamedEntry[]>();
  private readonly targets = new Map<string, { key: string; target: NameTarget<Create> }>();
  private readonly resolved = new Map<string, number | null>();
  /** The same, by the name exactly as written: most files repeat names exactly. */
  private readonly resolvedRaw = new Map<string, number | null>();

  constructor(private readonly options: ResolverOptions<Create, Hint>) {
    this.entries = [];
    for (const entry of options.entries) this.add(entry);
    for (const [key, target] of Object.entries(options.targets)) this.targets.set(normaliseName(key), { key, target });
  }

  /** The id of a name, or null while it is unknown. The first call for each name decides. */
  async resolve(name: string, where: ErrorWhere, hint: Hint): Promise<number | null> {
    const seen = this.resolvedRaw.get(name);
    if (seen !== undefined) return seen;
    const key = normaliseName(name);
    let id = this.resolved.get(key);
    if (id === undefined) {
      id = await this.lookUp(name, where, hint);
      this.resolved.set(key, id);
    }
    this.resolvedRaw.set(name, id);
    return id;
  }

  private add(entry: NamedEntry): void {
    this.entries.push(entry);
    for (const name of entry.names) {
      const key = normaliseName(name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), entry]);
    }
  }

  private match(name: string, where: ErrorWhere): NamedEntry | undefined {
    const matches = [...new Set(this.byName.get(normaliseName(name)) ?? [])];
    if (matches.length > 1) {
      throw new BoardpackError('ambiguous', `${this.options.kind} "${name}" matches ${matches.length} entries`, where);
    }
    return matches[0];
  }

  private async lookUp(name: string, where: ErrorWhere, hint: Hint): Promise<number | null> {
    const mapped = this.targets.get(normaliseName(name));
    const target = mapped?.target;
    if (target !== undefined && typeof target === 'object' && 'id' in target) {
      if (!this.entries.some((entry) => entry.id === target.id)) {
        throw new BoardpackError(
          'not-found',
          `the mapping sends "${name}" to ${this.options.kind} ${target.id}, which does not exist`,
          {
            field: `names.${this.options.kind === 'indicator' ? 'indicators' : `${this.options.kind}s`}.${mapped?.key ?? name}`,
          },
        );
      }
      return target.id;
    }
    if (target !== undefined && typeof target === 'object' && 'create' in target) {
      const wanted = this.nameOf(target.create) ?? name;
      const existing = this.match(wanted, where);
      if (existing) return existing.id;
      return this.createEntry(wanted, target.create, hint, where);
    }
    const wanted = typeof target === 'string' ? target : name;
    const existing = this.match(wanted, where);
    if (existing) return existing.id;
    if (this.options.createMissing) return this.createEntry(wanted, undefined, hint, where);
    this.unknown.push({
      kind: this.options.kind,
      name,
      mappedTo: typeof target === 'string' ? target : null,
      where,
      suggestions: nearestNames(
        wanted,
        this.entries.flatMap((entry) => entry.names),
      ),
    });
    return null;
  }

  private nameOf(create: Create): string | undefined {
    const details = create as { name?: string; label?: string } | undefined;
    return details?.name ?? details?.label;
  }

  private async createEntry(name: string, details: Create | undefined, hint: Hint, where: ErrorWhere): Promise<number> {
    const { entry, created } = await this.options.create(name, details, hint, where, (other) =>
      this.match(other, where),
    );
    if (created) {
      this.add(entry);
      this.created.push(entry.names[0] ?? name);
    }
    return entry.id;
  }
}
