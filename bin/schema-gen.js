#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into dist/ and bundled into dist/bundle/
// (a few modules instead of ~170) by `npm ci` (the "prepare" script).
import { runCli } from '../dist/bundle/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
