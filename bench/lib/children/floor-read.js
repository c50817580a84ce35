// I/O floor (a), one process: read and parse the inputs, nothing else.
//   node floor-read.js <input folder | file>...
import { readAndParse } from './inputs.js';

const { bytes } = readAndParse(process.argv.slice(2));
if (bytes === 0) process.exitCode = 1;
