/**
 * Facts that several places put into words, each said once here: how long Segmind keeps a result,
 * that a job we stop waiting for may still be billed, and that images need a folder. The edges
 * (ui/, statusBar/, commands/, studio/) build their sentences from these.
 */

/** Segmind keeps a job's result this long after it was submitted (docs/segmind-api.md). */
export const RESULT_RETENTION_MS = 60 * 60 * 1000;

/** `1 hour`, from RESULT_RETENTION_MS. */
export const RETENTION = ((hours: number): string => `${hours} hour${hours === 1 ? '' : 's'}`)(RESULT_RETENTION_MS / 3_600_000);

export const RESULTS_KEPT = `Segmind keeps results for ${RETENTION}`;

/** Said wherever we stop waiting for a job: there is no cancel endpoint. */
export const MAY_STILL_CHARGE = 'Segmind may still finish the job and charge for it';

/** The start of every "no folder is open" message. */
export const OPEN_A_FOLDER = 'Open a folder first';
