/**
 * The parser worker (dist/parserWorker.js): runs the finders of src/references/ on the documents the
 * extension host sends, and reads site configurations (src/sites/), one at a time, off the host's
 * main thread. A parser that throws answers with the reason; one that runs too long is stopped from
 * outside (./referenceReader.ts).
 */
import { parentPort } from 'node:worker_threads';
import { findReferences } from '../references/index';
import { frontMatterOf, readConfig } from '../sites/configValue';
import { pageFacts } from '../sites/sites';
import type { ParseAnswer, ParseRequest } from './parserMessages';

const port = parentPort;
if (!port) throw new Error('parserWorker.js runs as a worker thread.');

function answer(request: ParseRequest): ParseAnswer {
  if (request.kind === 'config') return { id: request.id, kind: 'config', value: readConfig(request.fileName, request.text) };
  const references = findReferences(request.languageId, request.text);
  const page = request.languageId === 'markdown' || request.languageId === 'html' ? pageFacts(frontMatterOf(request.text)) : undefined;
  return { id: request.id, kind: 'document', references, ...(page ? { page } : {}) };
}

port.on('message', (request: ParseRequest) => {
  let reply: ParseAnswer;
  try {
    reply = answer(request);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
