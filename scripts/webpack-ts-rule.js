/**
 * The TypeScript rule both add-in bundles use. Types are checked by `npm run typecheck`, so the
 * bundles only transpile; each host gives its own tsconfig and JavaScript target.
 */
module.exports = function tsRule({ configFile, target, sourceMap = false, removeComments }) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    loader: 'ts-loader',
    options: {
      configFile,
      transpileOnly: true,
      compilerOptions: {
        noEmit: false,
        module: 'es2020',
        target,
        sourceMap,
        ...(removeComments === undefined ? {} : { removeComments }),
      },
    },
  };
};
