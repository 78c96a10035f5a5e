#!/usr/bin/env node
// The package's command: `sferum-monitor report …`. The TypeScript is compiled to dist/node
// by `npm run build:ts`; this file only starts it.
'use strict';

let cli;
try {
  cli = require('../dist/node/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]node[\\/]cli[\\/]main/.test(String(error.message))) {
    process.stderr.write('Ошибка: команда не собрана. Выполните «npm run build:ts» в папке пакета.\n');
    process.exit(1);
  }
  throw error;
}
cli.runFromProcess(process.argv.slice(2));
