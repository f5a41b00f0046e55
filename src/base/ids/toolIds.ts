/** The language model tools this extension contributes (package.json `languageModelTools`). A leaf: activation reads it. */
export const TOOL_NAME = 'segmind_generate_image';
export const TOOL_REFERENCE_NAME = 'segmindImage';
