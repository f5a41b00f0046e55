/**
 * Reads the image references of documents and files, and the configurations of sites, without ever
 * blocking the extension host: the parsers run in a worker thread (dist/parserWorker.js), which also
 * reads the files of a workspace scan itself. It works through one file at a time, with a few more
 * already sent so that it never waits on the host between two. A file larger than the size limit is
 * not read at all, and one that takes longer than the time limit stops the worker (a new one starts
 * for the files after it); both are logged, once per file, and give nothing (no references; an
 * UNKNOWN configuration): a guess would be a false report. Such a reading says why (`unread`), so an
 * answer never claims that a document it could not read has nothing missing. The time limit runs
 * from the moment the worker says it is ready: a worker still starting on a busy machine is waited
 * for, never a reason to give a document up.
 */
import { Worker } from 'node:worker_threads';
import type { ImageReference } from '../domain/references/imageReference';
import { mayNameAnImage, type ReferenceLanguage } from '../references/languages';
import { UNKNOWN, type ConfigValue } from '../sites/configTypes';
import type { DocumentReading, FileReading, ParseAnswer, ParseRequest, WorkerReady } from './parserMessages';

export type { DocumentReading, FileReading } from './parserMessages';

export interface ReferenceReaderOptions {
  /** The worker's script: dist/parserWorker.js. */
  readonly workerScript: string;
  /** Longer than this, a document is given up (the worker is stopped). */
  readonly timeLimitMs?: number;
  /** Documents longer than this many characters are not read. */
  readonly sizeLimit?: number;
  /** The worker is stopped after this long without work (it holds the parsers, ~30 MB). */
  readonly idleMs?: number;
  readonly log?: (line: string) => void;
}

export const DEFAULT_TIME_LIMIT_MS = 2_000;
/** 1 MiB: a hand-written page, stylesheet or module is far smaller; bundles and generated files are not where images are asked for. */
export const DEFAULT_SIZE_LIMIT = 1024 * 1024;
const DEFAULT_IDLE_MS = 30_000;
/** How many documents a skip is remembered for, so a large file open in an editor is logged once, not after every keystroke. */
const REMEMBERED_SKIPS = 500;
/** Requests sent to the worker before it has answered the first of them: a scan's thousands of small files then never wait on a round trip. */
const SENT_AHEAD = 8;

/** No answer, and why: too slow, the worker lost, the reader disposed. */
interface Unanswered {
  readonly unread: string;
}

interface Pending {
  readonly request: ParseRequest;
  readonly name: string;
  readonly resolve: (answer: ParseAnswer | Unanswered) => void;
}

const NOTHING: DocumentReading = { references: [] };
const NOTHING_IN_FILE: FileReading = { references: [], lines: [] };
const DISPOSED: Unanswered = { unread: 'the window is closing' };
const unreadDocument = (answer: ParseAnswer | Unanswered): DocumentReading => ({
  references: [],
  ...('unread' in answer ? { unread: answer.unread } : 'error' in answer ? { unread: answer.error } : {}),
});

export class ReferenceReader {
  private worker: Worker | undefined;
  /** The worker has loaded its parsers: the time limit of what it reads may run. */
  private workerReady = false;
  /** Not sent yet. */
  private readonly queue: Pending[] = [];
  /** Sent to the worker, which answers in this order; the time limit runs for the first. */
  private readonly sent: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private disposed = false;
  private readonly skipped = new Set<string>();
  private readonly timeLimitMs: number;
  readonly sizeLimit: number;

  constructor(private readonly options: ReferenceReaderOptions) {
    this.timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    this.sizeLimit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
  }

  /** The references of `text`, in order; none for a document too large, too slow or unreadable. `name` is for the log. */
  async read(languageId: ReferenceLanguage, text: string, name: string): Promise<ImageReference[]> {
    return (await this.readDocument(languageId, text, name)).references;
  }

  /** The references of a document, and what its front matter says of its URL. */
  async readDocument(languageId: ReferenceLanguage, text: string, name: string): Promise<DocumentReading> {
    if (this.disposed || !mayNameAnImage(text)) return NOTHING;
    if (text.length > this.sizeLimit) return { references: [], unread: this.tooLarge(name, text.length) };
    const answer = await this.ask({ id: this.nextId++, kind: 'document', languageId, text }, name);
    return 'kind' in answer && answer.kind === 'document'
      ? { references: answer.references, ...(answer.page ? { page: answer.page } : {}) }
      : unreadDocument(answer);
  }

  /**
   * The references of a file on disk that no editor holds, read by the worker (`path` is a file
   * system path; `name` is for the log), with the line of each. Over the size limit it is not read.
   */
  async readFile(languageId: ReferenceLanguage, path: string, name: string): Promise<FileReading> {
    if (this.disposed) return { ...NOTHING_IN_FILE, unread: DISPOSED.unread };
    const answer = await this.ask({ id: this.nextId++, kind: 'file', languageId, path, sizeLimit: this.sizeLimit }, name);
    if (!('kind' in answer) || answer.kind !== 'file') return { ...NOTHING_IN_FILE, ...unreadDocument(answer) };
    if (answer.tooLarge !== undefined) return { ...NOTHING_IN_FILE, unread: this.tooLarge(name, answer.tooLarge) };
    if (answer.notAFile) {
      this.skip(name, `${name} was not read: it is not a regular file.`);
      return { ...NOTHING_IN_FILE, unread: 'it is not a regular file' };
    }
    return { references: answer.references, lines: answer.lines, ...(answer.page ? { page: answer.page } : {}) };
  }

  /** A site's configuration file (`name` is workspace-relative, its extension says the format), as literals; UNKNOWN when it cannot be read. */
  async readConfig(name: string, text: string): Promise<ConfigValue> {
    if (this.disposed) return UNKNOWN;
    if (text.length > this.sizeLimit) {
      this.tooLarge(name, text.length);
      return UNKNOWN;
    }
    const answer = await this.ask({ id: this.nextId++, kind: 'config', fileName: name, text }, name);
    return 'kind' in answer && answer.kind === 'config' ? answer.value : UNKNOWN;
  }

  private ask(request: ParseRequest, name: string): Promise<ParseAnswer | Unanswered> {
    return new Promise((resolve) => {
      this.queue.push({ request, name, resolve });
      this.pump();
    });
  }

  /** A document of `size` over the limit is not read: logged once (the scan says so for files it does not even open). Returns why. */
  tooLarge(name: string, size: number): string {
    const why = `${Math.round(size / 1024)} KiB is over the limit of ${this.sizeLimit / 1024} KiB`;
    this.skip(name, `${name} was not read: ${why}.`);
    return why;
  }

  /** Logs a skip once per document: a large file open in an editor is read again after every change. */
  private skip(name: string, line: string): void {
    if (this.skipped.has(name)) return;
    if (this.skipped.size >= REMEMBERED_SKIPS) this.skipped.clear();
    this.skipped.add(name);
    this.options.log?.(line);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.timer);
    for (const pending of [...this.sent.splice(0), ...this.queue.splice(0)]) pending.resolve(DISPOSED);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.disposed) return;
    clearTimeout(this.idleTimer);
    while (this.sent.length < SENT_AHEAD && this.queue.length > 0) {
      const pending = this.queue.shift() as Pending;
      this.sent.push(pending);
      this.workerNow().postMessage(pending.request);
      if (this.sent.length === 1) this.startTimeLimit();
    }
    if (this.sent.length === 0) {
      this.idleTimer = setTimeout(() => this.stopWorker(), this.options.idleMs ?? DEFAULT_IDLE_MS);
      this.idleTimer.unref?.();
    }
  }

  /** The worker starts on the first request sent once it is ready and has answered the one before: its time starts now. */
  private startTimeLimit(): void {
    const first = this.sent[0];
    if (!first || !this.workerReady) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const why = `reading took longer than ${this.timeLimitMs} ms`;
      this.skip(first.name, `${first.name} was not read: ${why}.`);
      this.stopWorker();
      this.giveUpFirst(why);
    }, this.timeLimitMs);
  }

  /** The first request is answered (or given up); the next one's time starts. */
  private finish(answer: ParseAnswer): void {
    clearTimeout(this.timer);
    const first = this.sent.shift();
    first?.resolve(answer);
    this.startTimeLimit();
    this.pump();
  }

  /** The worker is gone while reading the first request: it gives nothing (and says why); the rest go to a new worker. */
  private giveUpFirst(why: string): void {
    clearTimeout(this.timer);
    const [first, ...rest] = this.sent.splice(0);
    this.queue.unshift(...rest);
    first?.resolve({ unread: why });
    this.pump();
  }

  private workerNow(): Worker {
    if (this.worker) return this.worker;
    // A deep stack for the parsers' own recursion; a heap bound so a hostile file cannot take the machine's memory.
    const worker = new Worker(this.options.workerScript, { resourceLimits: { stackSizeMb: 64, maxOldGenerationSizeMb: 512 } });
    worker.unref();
    this.workerReady = false;
    worker.on('message', (answer: ParseAnswer | WorkerReady) => {
      if ('ready' in answer) {
        if (this.worker !== worker) return;
        this.workerReady = true;
        this.startTimeLimit();
        return;
      }
      const first = this.sent[0];
      if (this.worker !== worker || answer.id !== first?.request.id) return;
      if ('error' in answer) this.skip(first.name, `${first.name} could not be read: ${answer.error}`);
      this.finish(answer);
    });
    const lost = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const first = this.sent[0];
      if (first) this.skip(first.name, `${first.name} could not be read: ${reason}`);
      this.giveUpFirst(reason);
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`the parser stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.workerReady = false;
    void worker?.terminate();
  }
}
