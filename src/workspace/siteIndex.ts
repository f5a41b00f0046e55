/**
 * The sites of each workspace folder, found by their configuration files (src/sites/), read once in
 * the parser worker and kept until a configuration file is created, changed or deleted (a file
 * watcher): then they are read again, and the missing images of open documents with them.
 */
import * as vscode from 'vscode';
import * as posix from 'node:path/posix';
import { Disposable } from '../base/dispose';
import type { Logger } from '../log/logger';
import type { ReferenceReader } from '../parsing/referenceReader';
import { ALWAYS_SKIPPED, findFiles } from './fileSearch';
import { isUnknown, UNKNOWN, type ConfigValue } from '../sites/configTypes';
import {
  frameworkOfFile,
  frameworkOfPackage,
  SITE_CONFIG_GLOBS,
  siteOf,
  siteOfDocument,
  tsconfigAliases,
  withLayers,
  within,
  type Alias,
  type Site,
} from '../sites/sites';
import { pathInFolder } from '../domain/safety/workspacePath';

/** What a document's references are resolved with. */
export interface SiteOfDocument {
  readonly site?: Site;
  /** The site's aliases, and those of the nearest tsconfig.json or jsconfig.json above the document. */
  readonly aliases: readonly Alias[];
}

interface FolderSites {
  /** The configuration files as they were when read (path, time and size of each): compared when a scan starts. */
  readonly signature?: string;
  readonly sites: readonly Site[];
  readonly tsconfigs: readonly { readonly folder: string; readonly aliases: readonly Alias[] }[];
}

/** Configuration files read per folder, at most: a monorepo of hundreds of packages is fine, a hostile one stops here. */
const MAX_CONFIG_FILES = 2_000;
/** How long a folder's configurations may take to read, in all: past it, the rest are not read (their frameworks' defaults apply). */
export const SITE_INDEX_BUDGET_MS = 10_000;
const OUT_OF_TIME = Symbol('out of time');

/** `promise`'s value, or OUT_OF_TIME once `deadline` (a performance.now() time) has passed. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | typeof OUT_OF_TIME> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof OUT_OF_TIME>((resolve) => (timer = setTimeout(() => resolve(OUT_OF_TIME), Math.max(0, deadline - performance.now()))));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export class SiteIndex extends Disposable {
  private readonly folders = new Map<string, Promise<FolderSites>>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** A configuration changed: what was resolved with the old one is stale. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly reader: Pick<ReferenceReader, 'readConfig' | 'tooLarge' | 'sizeLimit'>,
    private readonly logger: Logger,
    private readonly timeBudgetMs = SITE_INDEX_BUDGET_MS,
  ) {
    super();
    for (const glob of SITE_CONFIG_GLOBS) {
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(glob));
      const forget = (): void => {
        this.folders.clear();
        if (!this.isDisposed) this.changed.fire();
      };
      this._register(watcher.onDidCreate(forget));
      this._register(watcher.onDidChange(forget));
      this._register(watcher.onDidDelete(forget));
    }
  }

  /**
   * Before a scan: the configuration files listed again and compared with those read, so that one
   * the watcher did not tell of (a creation it missed) is read now, not when something else changes.
   * True when the sites were read again.
   */
  async revalidate(workspaceFolder: vscode.Uri): Promise<boolean> {
    const key = workspaceFolder.toString();
    const known = this.folders.get(key);
    if (!known) return false;
    const [read, now] = await Promise.all([
      known,
      this.listed(workspaceFolder)
        .then(({ signature }) => signature)
        .catch(() => undefined),
    ]);
    if (now === undefined || read.signature === now || this.folders.get(key) !== known) return false;
    this.logger.info(`The site configurations of ${workspaceFolder.toString(true)} changed unseen: read again.`);
    this.folders.delete(key);
    if (!this.isDisposed) this.changed.fire();
    return true;
  }

  /** The configuration files of a folder (one walk), and each with its time and size as one string: what revalidate compares. */
  private async listed(workspaceFolder: vscode.Uri): Promise<{ readonly files: vscode.Uri[]; readonly signature: string }> {
    const files = await findFiles(workspaceFolder, SITE_CONFIG_GLOBS, { exclude: ALWAYS_SKIPPED, limit: MAX_CONFIG_FILES });
    const stats = await Promise.all(
      files.map((uri) =>
        Promise.resolve(vscode.workspace.fs.stat(uri)).then(
          (stat) => `${uri.path}:${stat.mtime}:${stat.size}`,
          () => `${uri.path}:gone`,
        ),
      ),
    );
    return { files, signature: stats.join('\n') };
  }

  /** The site of a document and the aliases it may use; no site: the web root rule applies. */
  async of(document: vscode.Uri, workspaceFolder: vscode.Uri): Promise<SiteOfDocument> {
    const relative = pathInFolder(workspaceFolder, document);
    const { sites, tsconfigs } = await this.sitesOf(workspaceFolder);
    const site = siteOfDocument(relative, sites);
    const folder = posix.dirname(relative) === '.' ? '' : posix.dirname(relative);
    const nearest = tsconfigs.filter((tsconfig) => within(folder, tsconfig.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
    return { ...(site ? { site } : {}), aliases: [...(site?.aliases ?? []), ...(nearest?.aliases ?? [])] };
  }

  private sitesOf(workspaceFolder: vscode.Uri): Promise<FolderSites> {
    const key = workspaceFolder.toString();
    let found = this.folders.get(key);
    if (!found) {
      found = this.read(workspaceFolder).catch((error: unknown) => {
        this.logger.error(`Could not read the site configurations of ${workspaceFolder.toString(true)}`, error);
        return { sites: [], tsconfigs: [] };
      });
      this.folders.set(key, found);
    }
    return found;
  }

  private async read(workspaceFolder: vscode.Uri): Promise<FolderSites> {
    const started = performance.now();
    // Listed and signed first (one walk): a file that changes while the others are read makes the next scan read them again.
    const { files, signature } = await this.listed(workspaceFolder);
    const relative = (uri: vscode.Uri): string => pathInFolder(workspaceFolder, uri);
    const read = async (uri: vscode.Uri): Promise<ConfigValue | undefined> => {
      // Its size first: a configuration over the limit is never read into the host (the framework's defaults apply).
      const { size, type } = await vscode.workspace.fs.stat(uri);
      if ((type & vscode.FileType.File) === 0) return undefined;
      if (size > this.reader.sizeLimit) {
        this.reader.tooLarge(relative(uri), size);
        return UNKNOWN;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      return this.reader.readConfig(relative(uri), new TextDecoder().decode(bytes));
    };
    const sites: Site[] = [];
    const tsconfigs: { folder: string; aliases: readonly Alias[] }[] = [];
    const values: [string, ConfigValue][] = [];
    const deadline = started + this.timeBudgetMs;
    for (const [i, uri] of files.entries()) {
      const value = await beforeDeadline(
        read(uri).catch(() => undefined),
        deadline,
      );
      if (value === OUT_OF_TIME) {
        this.outOfTime(workspaceFolder, files.slice(i).map(relative), sites);
        break;
      }
      if (value !== undefined) values.push([relative(uri), value]);
    }
    // What a package.json of each folder depends on: a `_config.yml` beside one that depends on hexo is Hexo's, not Jekyll's.
    const packages = new Map(values.filter(([file]) => posix.basename(file) === 'package.json').map(([file, value]) => [posix.dirname(file), value]));
    for (const [file, value] of values) {
      const name = posix.basename(file);
      if (name === 'tsconfig.json' || name === 'jsconfig.json') {
        const aliases = tsconfigAliases(file, value);
        if (aliases.length > 0) tsconfigs.push({ folder: posix.dirname(file) === '.' ? '' : posix.dirname(file), aliases });
        continue;
      }
      const framework =
        name === 'package.json' ? frameworkOfPackage(value) : await this.frameworkOfConfig(file, value, workspaceFolder, packages.get(posix.dirname(file)));
      if (framework) sites.push(siteOf(file, value, framework));
    }
    // A package.json names the same site as a configuration file beside it: the configuration says more.
    const configured = new Set(sites.filter((site) => posix.basename(site.configFile) !== 'package.json').map((site) => `${site.root}|${site.framework}`));
    const kept = sites.filter((site) => posix.basename(site.configFile) !== 'package.json' || !configured.has(`${site.root}|${site.framework}`));
    this.logger.info(
      `Sites of ${workspaceFolder.toString(true)}: ${kept.map((site) => `${site.framework} at ${site.root || '.'}`).join(', ') || 'none'} (${files.length} configuration files read in ${(performance.now() - started).toFixed(0)} ms).`,
    );
    return { signature, sites: withLayers(kept), tsconfigs };
  }

  /** The time budget ran out: the configurations not read yet name their sites by their file names alone (the frameworks' defaults apply). */
  private outOfTime(workspaceFolder: vscode.Uri, unread: readonly string[], sites: Site[]): void {
    for (const file of unread) {
      const framework = frameworkOfFile(file);
      if (framework && framework !== 'sveltekit') sites.push(siteOf(file, UNKNOWN, framework));
    }
    this.logger.warn(
      `Site configurations of ${workspaceFolder.toString(true)}: ${unread.length} were not read, the time budget of ${this.timeBudgetMs / 1000} s ran out (first: ${unread[0] ?? ''}); their frameworks' defaults apply.`,
    );
  }

  /**
   * What a configuration file is, checked before its name is trusted: Hugo's plain `config.*` counts
   * beside a `content/` folder (Zola's too: its `base_url` tells them apart); svelte.config.js only
   * with a `kit` section (a plain Svelte app has one too); `_config.yml` is Hexo's beside a package.json
   * that depends on hexo; an `mkdocs.yml` names its `site_name`.
   */
  private async frameworkOfConfig(
    file: string,
    value: ConfigValue,
    workspaceFolder: vscode.Uri,
    siblingPackage: ConfigValue | undefined,
  ): Promise<ReturnType<typeof frameworkOfFile>> {
    const framework = frameworkOfFile(file);
    const config = typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value) ? (value as Record<string, unknown>) : {};
    if (framework === 'sveltekit') return config['kit'] === undefined ? undefined : framework;
    if (framework === 'mkdocs') return typeof config['site_name'] === 'string' ? framework : undefined;
    if (framework === 'jekyll') return siblingPackage !== undefined && frameworkOfPackage(siblingPackage) === 'hexo' ? 'hexo' : framework;
    if (framework || !/^config\.(toml|ya?ml)$/.test(posix.basename(file))) return framework;
    const content = vscode.Uri.joinPath(workspaceFolder, posix.dirname(file), 'content');
    const isFolder = await Promise.resolve(vscode.workspace.fs.stat(content)).then(
      (stat) => (stat.type & vscode.FileType.Directory) !== 0,
      () => false,
    );
    if (!isFolder) return undefined;
    return typeof config['base_url'] === 'string' ? 'zola' : 'hugo';
  }
}
