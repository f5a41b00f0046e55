/**
 * The parser worker (dist/parserWorker.js): runs the finders of src/references/ on the documents the
 * extension host sends, one at a time, off the host's main thread. A finder that throws answers
 * with the reason; one that runs too long is stopped from outside (./referenceReader.ts).
 */
import { parentPort } from 'node:worker_threads';
import { findReferences } from '../references/index';
import type { ParseAnswer, ParseRequest } from './parserMessages';

const port = parentPort;
if (!port) throw new Error('parserWorker.js runs as a worker thread.');

port.on('message', (request: ParseRequest) => {
  let answer: ParseAnswer;
  try {
    answer = { id: request.id, references: findReferences(request.languageId, request.text) };
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
