import type { MethodName } from '../../shared/api/contract';

/**
 * The IPC channel names, shared by main and the preload (this file imports
 * nothing at run time, so the preload bundle stays small).
 */

/** The channel each contract method is invoked on. */
export const apiChannel = (name: MethodName): `api:${MethodName}` => `api:${name}`;

/** Main → renderer events (ApiEvent). */
export const EVENT_CHANNEL = 'api:event';
