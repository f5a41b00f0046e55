/**
 * The id of every command this extension contributes. Pure (no `vscode`), so a
 * unit test can hold it against package.json.
 */
export const COMMAND_IDS = {
  generateImage: 'segmind.generateImage',
  openStudio: 'segmind.openStudio',
  editImage: 'segmind.editImage',
  setApiKey: 'segmind.setApiKey',
  clearApiKey: 'segmind.clearApiKey',
  checkCredits: 'segmind.checkCredits',
  showLog: 'segmind.showLog',
  showJobs: 'segmind.showJobs',
  exportIconSet: 'segmind.exportIconSet',
  makePlaceholder: 'segmind.makePlaceholder',
  fillMissingImages: 'segmind.fillMissingImages',
  renderPlaceholder: 'segmind.renderPlaceholder',
  connectAgent: 'segmind.connectAgent',
  /** The quick fixes of a missing image (hidden from the palette: they take the diagnostic's image). */
  generateMissingImage: 'segmind.generateMissingImage',
  placeholderForMissingImage: 'segmind.placeholderForMissingImage',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];

/** The context keys this extension sets (their value types: ContextTypes in src/ui/contributions.ts). */
export const CONTEXT_KEYS = ['segmind.hasApiKey', 'segmind.placeholderImages'] as const;
