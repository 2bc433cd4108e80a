import { describe, expect, it } from 'vitest';
import { describeLocation, locationTitle, parseLocation, passwordIn } from '../../../shared/database-location';

/**
 * A database location is a file path or a postgres:// URL (issue 9). What is
 * shown or logged of a URL never holds its password, however it was typed.
 */

const TYPED = ['S3cret', 'p/ss:w@rd', 'p%2Fss%40rd', 'a:b:c', 'x@y@z'];

describe('a postgres:// URL shown or logged', () => {
  it.each(TYPED)('loses its password %s, whatever characters it holds', (password) => {
    const url = `postgres://ana:${password}@db.council.example:5433/csp?sslmode=require`;
    expect(passwordIn(url)).toBe(password);
    expect(describeLocation(url)).toBe('postgres://ana@db.council.example:5433/csp?sslmode=require');
  });

  it('is itself when it has no password, and a file path is always itself', () => {
    expect(describeLocation('postgres://ana@db/csp')).toBe('postgres://ana@db/csp');
    expect(describeLocation('postgresql://db/csp')).toBe('postgresql://db/csp');
    expect(passwordIn('postgres://ana@db/csp')).toBeNull();
    expect(describeLocation('/home/ana/Bucks:2026@draft.db')).toBe('/home/ana/Bucks:2026@draft.db');
  });

  it('titles a window by database and server', () => {
    expect(locationTitle('postgres://ana:p/ss@rd@db.council.example/csp')).toBe('csp on db.council.example');
    expect(locationTitle('/home/ana/bucks.db')).toBe('bucks.db');
  });
});

describe('parsing a location', () => {
  it('takes a percent-encoded password', () => {
    const url = `postgres://ana:${encodeURIComponent('p/ss@rd')}@db.council.example/csp`;
    expect(parseLocation(url)).toEqual({ engine: 'postgres', url });
  });

  it('refuses a password with a character a URL must encode, saying how, without the password', () => {
    let refusal: unknown = null;
    try {
      parseLocation('postgres://ana:p/ss@rd@db.council.example/csp');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: 'invalid-input',
      message:
        'the password in postgres://ana@db.council.example/csp holds a character a URL must percent-encode: write / as %2F, @ as %40, ? as %3F and # as %23',
    });
    expect(String((refusal as Error).message)).not.toContain('p/ss');
  });

  it('refuses a URL with no server or no database, naming it without the password', () => {
    expect(() => parseLocation('postgres://ana:S3cret@/csp')).toThrow(
      'postgres://ana@/csp names no server: write postgres://user@host/database',
    );
    expect(() => parseLocation('postgres://ana:S3cret@db.council.example')).toThrow(
      'postgres://ana@db.council.example names no database: write postgres://user@host/database',
    );
    expect(() => parseLocation('  ')).toThrow('no database given');
  });
});
