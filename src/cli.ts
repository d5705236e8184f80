/**
 * The command line for campaign authors (Node only, built to dist/cli.js).
 * Placeholder: the validate and snapshot commands are being written.
 */
console.log('usage: open-letter validate <file-or-url> | snapshot <file-or-url> [--lang nl|en]');
