import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COPY_TABLES, MIGRATION_TABLES, type KeyKind } from '../../../db/copy/copy-tables';
import { newDatabase, tempPath } from '../../helpers/temp-files';

interface TableFacts {
  readonly name: string;
  readonly key: Record<string, KeyKind>;
  readonly generatedId: boolean;
  readonly parent: string | undefined;
}

const declared: TableFacts[] = COPY_TABLES.map((table) => ({
  name: table.name,
  key: { ...table.key },
  generatedId: table.generatedId === true,
  parent: table.parent,
})).sort((a, b) => a.name.localeCompare(b.name));

describe('COPY_TABLES, against the tables the migrations create in a file', () => {
  it('names every table with its primary key, generated id and self-reference, and lists them in foreign-key order', async () => {
    const { db } = await newDatabase(tempPath());
    const tables = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_schema where type = 'table' and name not like 'sqlite%' order by name`.execute(db);
    const found: TableFacts[] = [];
    const references = new Map<string, string[]>();
    for (const table of tables.rows) {
      if (MIGRATION_TABLES.includes(table.name)) continue;
      const columns = await sql<{ name: string; type: string; pk: number }>`
        select name, type, pk from pragma_table_info(${table.name}) where pk > 0 order by pk`.execute(db);
      const keys = await sql<{ from: string; table: string }>`
        select "from", "table" from pragma_foreign_key_list(${table.name})`.execute(db);
      references.set(
        table.name,
        keys.rows.map((key) => key.table),
      );
      found.push({
        name: table.name,
        key: Object.fromEntries(
          columns.rows.map((column) => [column.name, column.type.toLowerCase() === 'text' ? 'text' : 'integer']),
        ),
        generatedId: /autoincrement/i.test(table.sql),
        parent: keys.rows.find((key) => key.table === table.name)?.from,
      });
    }
    expect(found).toEqual(declared);

    const position = new Map(COPY_TABLES.map((table, index) => [table.name, index]));
    const outOfOrder = [...references].flatMap(([table, referred]) =>
      referred
        .filter((other) => other !== table && (position.get(other) ?? -1) > (position.get(table) ?? -1))
        .map((other) => `${table} refers to ${other}, listed after it`),
    );
    expect(outOfOrder).toEqual([]);
  });
});
