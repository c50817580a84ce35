// I/O floor (b), one process: read and parse the inputs, then write the files schema-gen
// wrote for them (their bytes come packed in one file) into a folder that does not exist yet.
//   node floor-write.js <packed output> <new folder> <input folder | file>...
import { unpackTree } from '../output-tree.js';
import { readAndParse } from './inputs.js';

const [pack, folder, ...inputs] = process.argv.slice(2);
readAndParse(inputs);
if (unpackTree(pack, folder) === 0) process.exitCode = 1;
