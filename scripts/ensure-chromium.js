#!/usr/bin/env node
// Browser tests drive Debian's Chromium through playwright-core (browser downloads are not
// possible here). Installs it when missing, so `npm test` alone sets up a fresh machine.
const { execSync } = require('child_process');
const fs = require('fs');

const CHROMIUM = '/usr/bin/chromium';
if (fs.existsSync(CHROMIUM)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? '' : 'sudo ';
console.log(`Chromium не найден (${CHROMIUM}): устанавливаю пакет chromium из Debian…`);
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch (error) {
  console.error('Не удалось установить chromium: выполните `apt-get install -y chromium` и запустите тесты снова.');
  process.exit(1);
}
