/**
 * Turns the `segmind.outputFolder` setting into path segments inside the workspace folder, refusing
 * anything that would land outside it (absolute paths, drive letters, `..` that climbs out).
 */
import { ConfigurationError } from '../segmind/errors';

const SETTING = 'segmind.outputFolder';

export function outputFolderSegments(setting: string): string[] {
  const value = setting.trim();
  if (/^([a-zA-Z]:|[\\/]|~)/.test(value) || value.includes('\0')) {
    throw new ConfigurationError(SETTING, `The output folder must be relative to the workspace folder, not "${value}".`);
  }
  const segments: string[] = [];
  for (const part of value.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) {
        throw new ConfigurationError(SETTING, `The output folder "${value}" is outside the workspace folder.`);
      }
      segments.pop();
      continue;
    }
    segments.push(part);
  }
  return segments;
}

/** True when `child` (a normalised absolute path) is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const p = parent.replace(/[\\/]+$/, '');
  return child === p || child.startsWith(`${p}/`) || child.startsWith(`${p}\\`);
}
