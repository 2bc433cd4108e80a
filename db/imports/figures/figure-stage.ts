import type { Generated, Selectable, Transaction } from 'kysely';
import { BoardpackError } from '../../../shared/errors';
import { columnTypes, idColumn } from '../../migrations/column-helpers';
import type { Database } from '../../schema/database';

/** A figure read from the file, waiting in the import's scratch table until the whole file has been read. */
export interface StagedFigure {
  readonly indicatorId: number;
  readonly areaId: number;
  readonly periodId: number;
  readonly value: number;
  readonly provisional: boolean;
  readonly note: string | null;
  readonly row: number;
  readonly column: string;
  /** "Violence against the person, Wycombe, 2013": how a duplicate is named. */
  readonly label: string;
}

interface StageTable {
  seq: Generated<number>;
  indicatorId: number;
  areaId: number;
  periodId: number;
  value: number;
  provisional: number;
  note: string | null;
  row: number;
  column: string;
}

type StageDatabase = Database & { importFigureStage: StageTable };

const BATCH = 200;

/**
 * The figures of one import, held in a temporary table inside the import's
 * transaction rather than in memory, so a file of any size can be checked in
 * full before the figure table is touched. Its unique key finds a figure the
 * file gives twice, naming both rows.
 */
export class FigureStage {
  private pending: StagedFigure[] = [];
  private constructor(
    private readonly trx: Transaction<StageDatabase>,
    private readonly file: string,
  ) {}

  static async open(trx: Transaction<Database>, file: string): Promise<FigureStage> {
    const stage = trx.withTables<{ importFigureStage: StageTable }>();
    await stage.schema
      .createTable('importFigureStage')
      .temporary()
      .addColumn('seq', 'integer', idColumn(stage))
      .addColumn('indicatorId', 'integer', (c) => c.notNull())
      .addColumn('areaId', 'integer', (c) => c.notNull())
      .addColumn('periodId', 'integer', (c) => c.notNull())
      // The figure table's own 8-byte float: PostgreSQL's "real" is 4 bytes, and would round £167,772.17.
      .addColumn('value', columnTypes(stage).real, (c) => c.notNull())
      .addColumn('provisional', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('row', 'integer', (c) => c.notNull())
      .addColumn('column', 'text', (c) => c.notNull())
      .addUniqueConstraint('import_figure_stage_key', ['indicatorId', 'areaId', 'periodId'])
      .execute();
    return new FigureStage(stage, file);
  }

  async add(figure: StagedFigure): Promise<void> {
    this.pending.push(figure);
    if (this.pending.length >= BATCH) await this.flush();
  }

  /** Writes what is pending; throws on a figure already staged (or given twice in the batch). */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const inserted = await this.trx
      .insertInto('importFigureStage')
      .values(
        batch.map((figure) => ({
          indicatorId: figure.indicatorId,
          areaId: figure.areaId,
          periodId: figure.periodId,
          value: figure.value,
          provisional: figure.provisional ? 1 : 0,
          note: figure.note,
          row: figure.row,
          column: figure.column,
        })),
      )
      .onConflict((conflict) => conflict.columns(['indicatorId', 'areaId', 'periodId']).doNothing())
      .returning(['row', 'column'])
      .execute();
    if (inserted.length === batch.length) return;
    const kept = new Set(inserted.map((row) => `${row.row}\u0000${row.column}`));
    const duplicate = batch.find((figure) => !kept.has(`${figure.row}\u0000${figure.column}`));
    if (!duplicate) return;
    const first = await this.trx
      .selectFrom('importFigureStage')
      .select(['row', 'column'])
      .where('indicatorId', '=', duplicate.indicatorId)
      .where('areaId', '=', duplicate.areaId)
      .where('periodId', '=', duplicate.periodId)
      .executeTakeFirstOrThrow();
    const where =
      first.row === duplicate.row
        ? `columns ${first.column} and ${duplicate.column} of row ${duplicate.row}`
        : `rows ${first.row} and ${duplicate.row}`;
    throw new BoardpackError('invalid-input', `${duplicate.label} is given twice: ${where}`, {
      file: this.file,
      row: duplicate.row,
      column: duplicate.column,
    });
  }

  /** The staged figures in file order, a chunk at a time. */
  async *chunks(size: number): AsyncGenerator<Selectable<StageTable>[]> {
    await this.flush();
    let after = 0;
    for (;;) {
      const rows = await this.trx
        .selectFrom('importFigureStage')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(size)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows.at(-1)?.seq ?? after;
    }
  }

  async close(): Promise<void> {
    await this.trx.schema.dropTable('importFigureStage').execute();
  }
}
