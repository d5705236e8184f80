#!/usr/bin/env node
// `npx open-letter …`: the campaign authors' command line, built by `npm run build`.
import '../dist/cli.js';
