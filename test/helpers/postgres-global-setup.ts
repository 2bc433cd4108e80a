import { openDatabase } from '../../db/open-database';
import { startPostgres } from './postgres-server';
import { POSTGRES_ADMIN_URL_VARIABLE, TEMPLATE_DATABASE } from './test-engine';

/**
 * The PostgreSQL project's global setup: one throwaway server for the run, and
 * a template database with every migration applied, which each test clones
 * (CREATE DATABASE … TEMPLATE is a file copy, far quicker than migrating).
 */
export default async function setup(): Promise<() => void> {
  const server = await startPostgres();
  try {
    const admin = server.urlFor('postgres');
    const { Client } = (await import('pg')).default;
    const client = new Client(admin);
    await client.connect();
    await client.query(`create database ${TEMPLATE_DATABASE}`);
    await client.end();
    const template = await openDatabase(server.urlFor(TEMPLATE_DATABASE), { create: true });
    await template.close();
    process.env[POSTGRES_ADMIN_URL_VARIABLE] = admin;
  } catch (error) {
    server.stop();
    throw error;
  }
  return () => server.stop();
}
