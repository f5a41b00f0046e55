/**
 * Missing images of open documents as diagnostics (source `Segmind`, code `missing-image`), read
 * again a moment after typing stops, and gone as soon as the file appears, whatever made it (the
 * repository index's watcher on images). Severity from `segmind.missingImages.report` of the
 * document's folder. A reference whose image is at another path of its repository is a Hint of its
 * own (`image-elsewhere`), with a *Point to …* fix, never an image to make.
 */
import * as vscode from 'vscode';
import type { MissingImageReport, Settings } from '../config/settings';
import { REFERENCES_DEBOUNCE_MS } from '../domain/references/imageReference';
import { referenceLanguageOf } from '../references/languages';
import { missingImagesOf, type ElsewhereImage, type Findings, type MissingImage, type MissingImageReading } from '../workspace/documentFindings';
import { isImagePath, type RepositoryIndex } from '../workspace/repositoryIndex';
import type { SiteIndex } from '../workspace/siteIndex';
import type { Logger } from '../log/logger';

export const DIAGNOSTIC_SOURCE = 'Segmind';
/** More than this in one document is generated or hostile text: squiggles beyond it help nobody and cost the host. */
const MAX_DIAGNOSTICS = 1_000;
export const DIAGNOSTIC_CODE = 'missing-image';
export const ELSEWHERE_CODE = 'image-elsewhere';

const SEVERITY: Record<Exclude<MissingImageReport, 'off'>, vscode.DiagnosticSeverity> = {
  hint: vscode.DiagnosticSeverity.Hint,
  information: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
};

export class MissingImageDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('segmind-missing-images');
  private readonly findings = new Map<string, Findings>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** A document's missing images were read again (tests and the code actions wait on it). */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly readSettings: (scope?: vscode.Uri) => Settings,
    private readonly logger: Logger,
    private readonly reading: MissingImageReading & {
      readonly sites: Pick<SiteIndex, 'of' | 'onDidChange'>;
      readonly evidence: Pick<RepositoryIndex, 'filesOf' | 'onDidCreate' | 'onDidDelete'>;
    },
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, REFERENCES_DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // Read again when it comes to the front: a file watcher can miss a creation (a loaded machine), a look cannot.
      vscode.window.onDidChangeActiveTextEditor((editor) => (editor ? this.schedule(editor.document, 0) : undefined)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('segmind.missingImages')) this.refreshAll();
      }),
      // Told once the repository index knows of the change: a new file may be the missing one, or one found elsewhere.
      reading.evidence.onDidCreate((uri) => this.refreshReferencing(uri)),
      reading.evidence.onDidDelete(() => this.refreshAll()),
      // A site's configuration changed: where every reference points may have changed with it.
      reading.sites.onDidChange(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  /** The missing images of a document, as last read. */
  missingIn(document: vscode.Uri): readonly MissingImage[] {
    return this.findings.get(document.toString())?.missing ?? [];
  }

  /** The references of a document whose image is at another path of its repository, as last read. */
  elsewhereIn(document: vscode.Uri): readonly ElsewhereImage[] {
    return this.findings.get(document.toString())?.elsewhere ?? [];
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** A new file: only documents that name a file of its name, where it is or elsewhere, are read again. */
  private refreshReferencing(created: vscode.Uri): void {
    const name = nameOf(created.path);
    // A folder (made, moved in): any image may have come with it.
    if (!isImagePath(name)) return this.refreshAll();
    for (const document of vscode.workspace.textDocuments) {
      const images: readonly MissingImage[] = [...this.missingIn(document.uri), ...this.elsewhereIn(document.uri)];
      if (images.some((image) => nameOf(image.target.path) === name)) this.schedule(document, 0);
    }
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'vscode-remote') return;
    // Only documents that may refer to images: typing in any other file costs nothing here.
    if (!referenceLanguageOf(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, delayMs),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const version = document.version;
    const settings = this.readSettings(document.uri);
    let found: Findings = { missing: [], elsewhere: [] };
    if (settings.missingImages.report !== 'off' && this.fitsTheReader(document)) {
      try {
        found = await missingImagesOf(document, this.reading);
      } catch (error) {
        this.logger.error(`Could not read the image references of ${vscode.workspace.asRelativePath(document.uri)}`, error);
      }
    }
    if (document.isClosed || document.version !== version) return; // a newer read is on its way
    if (found.missing.length + found.elsewhere.length > MAX_DIAGNOSTICS) {
      this.logger.warn(
        `${vscode.workspace.asRelativePath(document.uri)} refers to ${found.missing.length + found.elsewhere.length} missing images: the first ${MAX_DIAGNOSTICS} are reported (Fill Missing Images lists them all).`,
      );
      const missing = found.missing.slice(0, MAX_DIAGNOSTICS);
      found = { missing, elsewhere: found.elsewhere.slice(0, MAX_DIAGNOSTICS - missing.length) };
    }
    this.findings.set(document.uri.toString(), found);
    const report = settings.missingImages.report;
    this.collection.set(
      document.uri,
      report === 'off'
        ? []
        : [
            ...found.missing.map((image) => diagnosticOf(document, image, SEVERITY[report])),
            ...found.elsewhere.map((image) => elsewhereDiagnosticOf(document, image)),
          ].sort((a, b) => a.range.start.compareTo(b.range.start)),
    );
    this.changed.fire(document.uri);
  }

  /** A document over the reader's size limit is not even copied out of the editor (a 20 MiB bundle is, after each keystroke). */
  private fitsTheReader(document: vscode.TextDocument): boolean {
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    if (length <= this.reading.references.sizeLimit) return true;
    this.reading.references.tooLarge(vscode.workspace.asRelativePath(document.uri), length);
    return false;
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.findings.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function rangeOf(document: vscode.TextDocument, image: MissingImage): vscode.Range {
  return new vscode.Range(document.positionAt(image.reference.start), document.positionAt(image.reference.end));
}

function diagnosticOf(document: vscode.TextDocument, image: MissingImage, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const { size } = image.reference;
  const target = vscode.workspace.asRelativePath(image.target);
  const missing = size
    ? vscode.l10n.t('Missing image: {0} ({1} × {2}) does not exist.', target, size.width, size.height)
    : vscode.l10n.t('Missing image: {0} does not exist.', target);
  // Where its site serves it from: a user who knows the image is there sees where it was not found.
  const message = image.lookedIn ? `${missing} ${vscode.l10n.t('Not in {0}.', image.lookedIn)}` : missing;
  const diagnostic = new vscode.Diagnostic(rangeOf(document, image), message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = DIAGNOSTIC_CODE;
  return diagnostic;
}

const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/** "hero.png is not at docs/img/hero.png; src/img/hero.png exists.": where it was looked for, and where it is. */
function elsewhereDiagnosticOf(document: vscode.TextDocument, image: ElsewhereImage): vscode.Diagnostic {
  const name = image.target.path.slice(image.target.path.lastIndexOf('/') + 1);
  const [first = '', ...more] = image.candidates.map((candidate) =>
    vscode.workspace.asRelativePath(vscode.Uri.joinPath(image.workspaceFolder, ...candidate.split('/'))),
  );
  const message =
    more.length === 0
      ? vscode.l10n.t('{0} is not at {1}; {2} exists.', name, vscode.workspace.asRelativePath(image.target), first)
      : vscode.l10n.t('{0} is not at {1}; {2} and {3} more exist.', name, vscode.workspace.asRelativePath(image.target), first, more.length);
  const diagnostic = new vscode.Diagnostic(rangeOf(document, image), message, vscode.DiagnosticSeverity.Hint);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = ELSEWHERE_CODE;
  return diagnostic;
}
