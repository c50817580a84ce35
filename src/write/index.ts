/**
 * The write stage: the only one that writes. `checkOutputFolder` refuses dangerous
 * output folders; `recoverIfInterrupted` finishes what a killed run left; `writeOutput`
 * switches the new output in, all or nothing; `checkOutput` compares without writing.
 */
export { checkOutput } from './check-output.js';
export { MANIFEST_FILE, STAGING_FOLDER } from './layout.js';
export { checkOutputFolder, type OutputFolderRequest } from './output-folder.js';
export { recoverIfInterrupted } from './recover.js';
export type { OutputTarget, WriteReport, WriteResult } from './target.js';
export { writeOutput } from './write-output.js';
