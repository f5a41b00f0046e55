/** Why a location is refused: said by errors.ts, decided by workspace/confinement.ts, worded by wording.ts. */

/** A name that is never written: `.git` in any spelling, or a `:` (a drive or an NTFS stream). */
export type ForbiddenName = 'git' | 'stream';

/** Why a location is not confined to its workspace folder (workspace/confinement.ts decides). */
export type ConfinementReason = 'outside' | ForbiddenName | 'unverifiable';
