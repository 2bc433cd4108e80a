import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * The chair's annotations and the offline exchange files (issue 7):
 * - `database_identity`: one random id made here, so a pack file and an
 *   annotations file can say which database they came from (it survives
 *   backups and restores, which are the same database);
 * - on `annotation`: the note's version when it was last exchanged
 *   (`synced_version`, null for a note never exchanged) and the conflicts an
 *   import keeps visible: `conflict_of` on the incoming copy of a note edited on
 *   both sides, `conflict_deleted_version` on a note edited here that its author
 *   deleted;
 * - `annotation_tombstone`: a deleted note's id and its version when deleted,
 *   so the deletion travels and an older file cannot bring the note back;
 * - `pack_file`: one row in a reviewer's `.boardpack` file only: which pack it
 *   holds (source database, meeting, version, the snapshot's SHA-256), for whom
 *   and when. A file with this row is read-only except for annotations.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('database_identity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('database_identity').values({ id: randomUUID(), created_at: new Date().toISOString() }).execute();

  await db.schema.alterTable('annotation').addColumn('synced_version', 'integer').execute();
  await db.schema
    .alterTable('annotation')
    .addColumn('conflict_of', 'text', (c) => c.references('annotation.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('annotation').addColumn('conflict_deleted_version', 'integer').execute();
  await db.schema
    .createIndex('annotation_by_pack')
    .on('annotation')
    .columns(['meeting_id', 'pack_version_id'])
    .execute();
  await db.schema.createIndex('annotation_by_conflict').on('annotation').column('conflict_of').execute();

  await db.schema
    .createTable('annotation_tombstone')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('pack_version_id', 'integer', (c) => c.references('pack_version.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pack_file')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('source_database_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('snapshot_sha256', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text')
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .execute();
}
