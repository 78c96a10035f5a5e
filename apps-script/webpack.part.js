/**
 * The Google Apps Script project, push-ready in dist/apps-script/ (clasp's rootDir):
 * - Code.js: the server bundle. gas-webpack-plugin turns each `global.NAME = (a, b) => …` of
 *   main.ts into a top-level `function NAME(a, b) {}` with its JSDoc (Sheets needs top-level
 *   functions and reads custom-function autocomplete from that JSDoc); terser keeps exactly the
 *   `@customfunction` comments and the stubs' parameter names.
 * - sidebar.html: the shared panel (ui/) with the google.script.run backend, script and styles
 *   inlined into one file, since HtmlService serves project files, not URLs.
 * - appsscript.json, copied from the repository root.
 */
const fs = require('fs');
const path = require('path');
const acorn = require('acorn');
const { Compilation, WebpackError, sources } = require('webpack');
const GasPlugin = require('gas-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'dist', 'apps-script');
const entry = path.join(__dirname, 'main.ts');

/** Apps Script's V8 runs ES2019 and later; the sidebar runs in the user's browser. */
const TARGET = 'es2019';

const tsRule = require('../scripts/webpack-ts-rule')({
  configFile: path.join(__dirname, 'tsconfig.json'),
  target: TARGET,
  // The JSDoc above each `global.NAME =` is what Sheets builds formula autocomplete from.
  removeComments: false,
});

/** Parameter names of the `global.NAME = (…) =>` assignments, which the mangler must leave alone. */
function stubParameters() {
  const source = fs.readFileSync(entry, 'utf8');
  const names = new Set();
  for (const match of source.matchAll(/global\.\w+\s*=\s*\(([^)]*)\)\s*(?::[^=]*)?=>/g)) {
    for (const param of match[1].split(',')) {
      const name = param.trim().split(/[?:\s=]/)[0];
      if (name) names.add(name);
    }
  }
  return [...names];
}

const terser = (options = {}) => new TerserPlugin({
  extractComments: false,
  terserOptions: { ecma: 2019, ...options },
});

/**
 * Keeps the custom functions' JSDoc on the top-level stubs only: the same comment above the
 * assignment inside the bundle is of no use to Sheets. (Serialised into terser's workers, so it
 * must not refer to anything outside itself.)
 */
function customFunctionDoc(node, comment) {
  // The file's first comment (the first stub's) is attached to the whole program, the others to their function.
  return /@customfunction/.test(comment.value) && node !== undefined && node !== null && (node.TYPE === 'Defun' || node.TYPE === 'Toplevel');
}

/**
 * Puts the sidebar's script into its HTML page and drops the separate file. HtmlService strips
 * `//` and `/*` inside template literals of inlined scripts, which breaks them silently, so the
 * build fails when the minified script has any.
 */
class InlineSidebarScript {
  apply(compiler) {
    compiler.hooks.compilation.tap('InlineSidebarScript', (compilation) => {
      const inlined = new Set();
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineSidebarScript', (data) => {
        const inline = (tag) => {
          const src = tag.tagName === 'script' && tag.attributes && tag.attributes.src;
          if (!src) return tag;
          const file = decodeURIComponent(src.replace(/^\.?\//, '').replace(/\?.*$/, ''));
          const asset = compilation.getAsset(file);
          if (!asset) return tag;
          const code = asset.source.source().toString();
          for (const problem of templateLiteralProblems(code)) {
            compilation.errors.push(new WebpackError(`${file}: ${problem}: HtmlService would cut it out of the inlined script`));
          }
          inlined.add(file);
          // Inside a script, `</script` would end it early; `<\/script` means the same in JavaScript.
          return { tagName: 'script', voidTag: false, meta: tag.meta, attributes: {}, innerHTML: code.replace(/<\/script/gi, '<\\/script') };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      compilation.hooks.processAssets.tap({ name: 'InlineSidebarScript', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        for (const file of inlined) compilation.deleteAsset(file);
      });
    });
  }
}

/** Template-literal parts of `code` that contain `//` or `/*`. */
function templateLiteralProblems(code) {
  const problems = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TemplateElement' && /\/\/|\/\*/.test(node.value.raw)) {
      problems.push(`template literal at ${node.start} contains ${JSON.stringify(node.value.raw.slice(0, 60))}`);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  return problems;
}

function sidebarStyles() {
  return [path.join(root, 'ui', 'panel.css'), path.join(__dirname, 'sidebar', 'sidebar.css')]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const common = {
    mode,
    context: root,
    target: ['web', TARGET],
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    stats: 'errors-warnings',
  };

  const server = {
    ...common,
    name: 'apps-script',
    entry: { Code: entry },
    // `global.NAME = …` in main.ts makes webpack look the global object up at run time. Its
    // generic lookup ends in `new Function('return this')` (a string evaluated as code) for hosts
    // without globalThis; Apps Script's V8 has globalThis, so the bundle says so and the lookup
    // is the plain `globalThis`, with no code built from strings (test/privacy.test.ts).
    output: { path: outDir, filename: '[name].js', environment: { globalThis: true } },
    optimization: { minimize: true, minimizer: [terser({ format: { comments: customFunctionDoc }, mangle: { reserved: stubParameters() } })] },
    plugins: [
      // Only main.ts declares globals; parsing every core module for them would be wasted work.
      new GasPlugin({ include: [entry] }),
      new CopyPlugin({ patterns: [{ from: path.join(root, 'appsscript.json'), to: outDir }] }),
    ],
  };

  const sidebar = {
    ...common,
    name: 'apps-script-sidebar',
    entry: { sidebar: path.join(__dirname, 'sidebar', 'sidebar.ts') },
    output: { path: outDir, filename: 'sidebar.js' },
    optimization: { minimize: true, minimizer: [terser({ format: { comments: false } })] },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(__dirname, 'sidebar', 'sidebar.html'),
        filename: 'sidebar.html',
        inject: 'body',
        scriptLoading: 'blocking',
        minify: false,
        templateParameters: { styles: sidebarStyles() },
      }),
      new InlineSidebarScript(),
    ],
  };

  return [server, sidebar];
};
