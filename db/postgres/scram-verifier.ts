import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * A password as PostgreSQL stores it for SCRAM-SHA-256 (RFC 5802, RFC 7677):
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`. CREATE ROLE …
 * PASSWORD accepts this form as it is, so the password itself never reaches
 * the server, its statement log or pg_stat_activity; logging in checks it the
 * same way. 4096 iterations and a 16-byte salt are PostgreSQL's own defaults.
 */

const ITERATIONS = 4096;

/**
 * SASLprep (RFC 4013) as PostgreSQL and the `pg` client apply it before
 * hashing: non-ASCII spaces become spaces, characters "commonly mapped to
 * nothing" go, then NFKC. (pg's lib/crypto/sasl.js does the same three steps.)
 */
function saslPrep(password: string): string {
  return password
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .replace(/\u00AD|\u034F|\u1806|\u180B|\u180C|\u180D|\u200C|\u200D|\u2060|[\uFE00-\uFE0F]|\uFEFF/g, '')
    .normalize('NFKC');
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(saslPrep(password), salt, ITERATIONS, 32, 'sha256');
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
