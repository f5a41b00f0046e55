/**
 * The parser worker (dist/parserWorker.js): runs the finders of src/references/ on the documents the
 * extension host sends, or on files it reads itself, and reads site configurations (src/sites/), one
 * at a time, off the host's main thread. A parser that throws answers with the reason; one that runs
 * too long is stopped from outside (./referenceReader.ts).
 */
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { findReferences } from '../references/index';
import { linesAt } from '../references/lineNumbers';
import { mayNameAnImage, type ReferenceLanguage } from '../references/languages';
import { frontMatterOf, readConfig } from '../sites/configValue';
import { pageFacts } from '../sites/sites';
import type { DocumentReading, FileReading, ParseAnswer, ParseRequest, WorkerReady } from './parserMessages';

const port = parentPort;
if (!port) throw new Error('parserWorker.js runs as a worker thread.');

function readingOf(languageId: ReferenceLanguage, text: string): DocumentReading {
  const references = findReferences(languageId, text);
  const page = languageId === 'markdown' || languageId === 'html' ? pageFacts(frontMatterOf(text)) : undefined;
  return { references, ...(page ? { page } : {}) };
}

const NOTHING: FileReading = { references: [], lines: [] };

/**
 * The text of a regular file, or why it was not read. Opened without blocking and checked on the
 * open descriptor: a FIFO would block open() forever (terminating the worker cannot stop it) and a
 * device never ends; both are refused, whatever handed them here.
 */
function regularFileText(file: string, sizeLimit: number): string | { readonly tooLarge: number } | { readonly notAFile: true } {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { notAFile: true };
    if (stat.size > sizeLimit) return { tooLarge: stat.size };
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A file on disk: not read over the size limit, nor when it is not a regular file; nothing when it cannot be read (deleted since it was listed). */
function fileReadingOf(languageId: ReferenceLanguage, file: string, sizeLimit: number): FileReading {
  let text: string;
  try {
    const read = regularFileText(file, sizeLimit);
    if (typeof read !== 'string') return { ...NOTHING, ...read };
    text = read;
  } catch {
    return NOTHING;
  }
  if (!mayNameAnImage(text)) return NOTHING;
  const reading = readingOf(languageId, text);
  return {
    ...reading,
    lines: linesAt(
      text,
      reading.references.map((reference) => reference.start),
    ),
  };
}

function answer(request: ParseRequest): ParseAnswer {
  switch (request.kind) {
    case 'config':
      return { id: request.id, kind: 'config', value: readConfig(request.fileName, request.text) };
    case 'file':
      return { id: request.id, kind: 'file', ...fileReadingOf(request.languageId, request.path, request.sizeLimit) };
    case 'document':
      return { id: request.id, kind: 'document', ...readingOf(request.languageId, request.text) };
  }
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

// Everything above is loaded: the host starts a document's time limit from here (a worker starting on a busy machine is waited for).
port.postMessage({ ready: true } satisfies WorkerReady);
