/**
 * The frameworks whose sites are known: their names in a user's words, the configuration files that
 * find them, and what a file's name or a package.json's dependencies say of which framework it is.
 * What the file says is checked by src/workspace/siteIndex.ts before its name is trusted. Pure.
 */
import * as posix from 'node:path/posix';
import { object, type ConfigValue } from './configTypes';

export const FRAMEWORKS = ['docusaurus', 'vitepress', 'vite', 'astro', 'next', 'nuxt', 'sveltekit', 'hugo', 'jekyll', 'mkdocs', 'hexo', 'zola'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Each framework as its users call it (in the diagnostics' words). */
export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  docusaurus: 'Docusaurus',
  vitepress: 'VitePress',
  vite: 'Vite',
  astro: 'Astro',
  next: 'Next.js',
  nuxt: 'Nuxt',
  sveltekit: 'SvelteKit',
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  mkdocs: 'MkDocs',
  hexo: 'Hexo',
  zola: 'Zola',
};

/** The configuration file names of each framework (the workspace watches and finds them). */
const SCRIPT = '{js,mjs,cjs,ts,mts,cts}';
export const SITE_CONFIG_GLOBS: readonly string[] = [
  `**/docusaurus.config.${SCRIPT}`,
  `**/.vitepress/config.${SCRIPT}`,
  `**/vite.config.${SCRIPT}`,
  `**/astro.config.${SCRIPT}`,
  `**/next.config.${SCRIPT}`,
  `**/nuxt.config.${SCRIPT}`,
  `**/svelte.config.${SCRIPT}`,
  '**/hugo.{toml,yaml,yml,json}',
  '**/config.{toml,yaml,yml}',
  '**/_config.yml',
  '**/mkdocs.{yml,yaml}',
  '**/package.json',
  '**/{tsconfig,jsconfig}.json',
];

/** The framework a configuration file names, or undefined (package.json and Hugo's plain `config.*` say it by their content). */
export function frameworkOfFile(file: string): Framework | undefined {
  const name = posix.basename(file);
  if (/^docusaurus\.config\.[cm]?[jt]s$/.test(name)) return 'docusaurus';
  if (/^config\.[cm]?[jt]s$/.test(name) && posix.basename(posix.dirname(file)) === '.vitepress') return 'vitepress';
  if (/^vite\.config\.[cm]?[jt]s$/.test(name)) return 'vite';
  if (/^astro\.config\.[cm]?[jt]s$/.test(name)) return 'astro';
  if (/^next\.config\.[cm]?[jt]s$/.test(name)) return 'next';
  if (/^nuxt\.config\.[cm]?[jt]s$/.test(name)) return 'nuxt';
  if (/^svelte\.config\.[cm]?[jt]s$/.test(name)) return 'sveltekit';
  if (/^hugo\.(toml|ya?ml|json)$/.test(name)) return 'hugo';
  if (name === '_config.yml') return 'jekyll';
  if (/^mkdocs\.ya?ml$/.test(name)) return 'mkdocs';
  return undefined;
}

/** Dependencies that make a package.json's folder a site, the most specific first. */
const BY_DEPENDENCY: readonly (readonly [string, Framework])[] = [
  ['@docusaurus/core', 'docusaurus'],
  ['next', 'next'],
  ['nuxt', 'nuxt'],
  ['astro', 'astro'],
  ['@sveltejs/kit', 'sveltekit'],
  ['hexo', 'hexo'],
  ['vite', 'vite'],
];

/** The framework of a package.json's folder, or undefined. */
export function frameworkOfPackage(manifest: ConfigValue): Framework | undefined {
  const dependencies = { ...object(object(manifest)['dependencies']), ...object(object(manifest)['devDependencies']) };
  return BY_DEPENDENCY.find(([name]) => name in dependencies)?.[1];
}
