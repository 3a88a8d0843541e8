// @ts-check
'use strict';
// Four bundles: the extension (Node, VS Code host), the standalone debug adapter (Node, DAP on
// stdio), the command-line runner (Node) and the panel (browser). One config array so a single
// `webpack` run builds them all.
const path = require('path');

/** @param {string} configFile @param {object} [compilerOptions] */
const tsRule = (configFile, compilerOptions = {}) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: [{ loader: 'ts-loader', options: { configFile, transpileOnly: true, compilerOptions } }],
});

/** @type {(env: unknown, argv: { mode?: string }) => import('webpack').Configuration[]} */
module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  const common = {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    resolve: { extensions: ['.ts', '.js'] },
    infrastructureLogging: { level: 'warn' },
    stats: 'errors-warnings',
  };
  const node = {
    ...common,
    target: 'node20',
    module: { rules: [tsRule(path.resolve(__dirname, 'tsconfig.json'))] },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', libraryTarget: 'commonjs2' },
    node: { __dirname: false },
  };
  return [
    {
      ...node,
      name: 'extension',
      entry: { extension: './src/extension/main.ts' },
      externals: { vscode: 'commonjs vscode' },
      // ES modules here so `import()` of the adapter stays a split point: the engine becomes
      // dist/engine.js, loaded on the first debug session, and activation parses only the glue.
      module: { rules: [tsRule(path.resolve(__dirname, 'tsconfig.json'), { module: 'es2020' })] },
      output: { ...node.output, chunkFilename: '[name].js' },
      optimization: { splitChunks: false },
    },
    { ...node, name: 'debugAdapter', entry: { debugAdapter: './src/adapter/main.ts' } },
    {
      ...node,
      name: 'cli',
      entry: { cli: './src/cli/main.ts' },
      plugins: [new (require('webpack').BannerPlugin)({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
    },
    {
      ...common,
      name: 'webview',
      target: 'web',
      entry: { main: './webview/main.ts' },
      module: {
        rules: [
          tsRule(path.resolve(__dirname, 'webview/tsconfig.json')),
          { test: /\.css$/, type: 'asset/resource', generator: { filename: '[name][ext]' } },
        ],
      },
      output: { path: path.resolve(__dirname, 'dist', 'webview'), filename: '[name].js' },
      performance: { hints: false },
    },
  ];
};
