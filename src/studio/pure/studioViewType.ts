/** The Studio panel's view type, in a module of its own so activation can name it without loading the panel. */
export const STUDIO_VIEW_TYPE = 'segmind.studio';
