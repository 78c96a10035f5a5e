/**
 * Builds every bundle: the Excel add-in (custom functions + task pane) and the Google Apps
 * Script project. Each host keeps its own part beside its code; this file only combines them.
 */
const fs = require('fs');
const path = require('path');

const parts = ['excel-addin/webpack.part.js', 'apps-script/webpack.part.js']
  .map((file) => path.join(__dirname, file))
  .filter((file) => fs.existsSync(file))
  .map((file) => require(file));

module.exports = (env = {}, argv = {}) => parts.flatMap((part) => {
  const config = typeof part === 'function' ? part(env, argv) : part;
  return Array.isArray(config) ? config : [config];
});
