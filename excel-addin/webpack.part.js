/**
 * The Excel add-in bundle, into dist/excel-addin/: the custom functions (functions.js, the
 * functions.json the metadata plugin writes from their JSDoc, functions.html), the task pane
 * (taskpane.js/html with the shared panel's CSS), the ribbon's function file, the icons and the
 * manifest. Used by the root webpack.config.js (build) and by `npm run dev-server`, which serves
 * it over https://localhost:3000 with office-addin-dev-certs.
 *
 * Output is ES2017: the custom functions' JavaScript-only runtime is not a browser, so no syntax
 * newer than what every Excel of the supported ones runs (no ?. or ?? in the output).
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'excel-addin');
const PORT = 3000;

/**
 * Sets `allowErrorForDataTypeAny` in functions.json. Without it Excel does not call a function
 * whose range holds an error cell: one #N/A in a column would turn a whole SHARE spill, and
 * every district's SHARE_BY, into #N/A. With it the error reaches the function, which reads it
 * as «ошибка в ячейке» for that row only (excelResult.ts). The metadata generator cannot write
 * this top-level property from JSDoc, so it is added to the file it wrote.
 */
class AllowErrorInputsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AllowErrorInputsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AllowErrorInputsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          const json = JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 2);
          compilation.updateAsset('functions.json', new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}

function config(mode) {
  const production = mode !== 'development';
  return {
    name: 'excel-addin',
    mode: production ? 'production' : 'development',
    context: ROOT,
    devtool: production ? false : 'source-map',
    target: ['web', 'es2017'],
    entry: {
      functions: './excel-addin/functions/functions.ts',
      taskpane: './excel-addin/taskpane/taskpane.ts',
    },
    output: { path: OUT, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        require('../scripts/webpack-ts-rule')({ configFile: path.join(__dirname, 'tsconfig.json'), target: 'es2017', sourceMap: !production }),
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: path.join(__dirname, 'functions', 'functions.ts') }),
      new AllowErrorInputsPlugin(),
      new HtmlWebpackPlugin({ filename: 'functions.html', template: './excel-addin/functions/functions.html', chunks: ['functions'], scriptLoading: 'blocking' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './excel-addin/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'ui/panel.css', to: 'panel.css' },
          { from: 'excel-addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'excel-addin/taskpane/commands.html', to: 'commands.html' },
          { from: 'excel-addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

/**
 * The https options of office-addin-dev-certs. It also trusts its CA system-wide, which needs
 * sudo (or Windows/macOS): where that fails but the certificates were generated, serve with them
 * anyway and say which CA file the browser or Office must trust.
 */
async function httpsOptions() {
  const fs = require('fs');
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const paths = require('office-addin-dev-certs/lib/defaults');
    if (!fs.existsSync(paths.localhostCertificatePath) || !fs.existsSync(paths.localhostKeyPath)) throw error;
    console.warn(`[excel-addin] CA not installed (${error.message.split('\n')[0]}); trust ${paths.caCertificatePath} yourself.`);
    return {
      ca: fs.readFileSync(paths.caCertificatePath),
      cert: fs.readFileSync(paths.localhostCertificatePath),
      key: fs.readFileSync(paths.localhostKeyPath),
    };
  }
}

/** `webpack serve` (npm run dev-server): the same bundle over https://localhost:3000. */
async function devServerConfig(mode) {
  return {
    ...config(mode),
    devServer: {
      port: PORT,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      static: { directory: OUT, publicPath: '/' },
    },
  };
}

module.exports = (env = {}, argv = {}) => (env.WEBPACK_SERVE ? devServerConfig(argv.mode || 'development') : config(argv.mode));
