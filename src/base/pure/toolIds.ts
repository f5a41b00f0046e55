/** The language model tools this extension contributes (package.json `languageModelTools`). A leaf: activation reads it. */
export const TOOL_NAME = 'segmind_generate_image';
export const TOOL_REFERENCE_NAME = 'segmindImage';
/** The second tool: the workspace's missing images (README, "From Copilot's agent mode"). */
export const FIND_TOOL_NAME = 'segmind_find_missing_images';
export const FIND_TOOL_REFERENCE_NAME = 'segmindMissingImages';
