// Preloaded (node --require) into the process that runs electronegativity, for two reasons.
//
// 1. Its TypeScript parser, @typescript-eslint/typescript-estree 4, is hoisted to the top of
//    node_modules, so its require('typescript') finds the project's TypeScript 7: the native
//    compiler, which has no JavaScript API, and parsing fails with "Cannot read properties of
//    undefined (reading 'BarBarToken')". electronegativity ships the TypeScript 4.2 it was built
//    with in its own node_modules; every require('typescript') in this process is sent there.
//    package.json cannot pin it instead: the project itself needs TypeScript 7.
// 2. The test must not touch the network. electronegativity fetches translations on start (with
//    `got`) and may fetch Electron's release list; `got` is replaced by a stub that fails at once,
//    and any socket this process still tries to open throws, so a future version that adds another
//    request fails the test instead of reaching out.
'use strict';
const Module = require('node:module');
const net = require('node:net');
const path = require('node:path');

const electronegativity = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const typescript4 = require.resolve('typescript', { paths: [electronegativity] });
if (!/[\\/]@doyensec[\\/]electronegativity[\\/]node_modules[\\/]typescript[\\/]/.test(typescript4)) {
  throw new Error(`electronegativity's own TypeScript was not found (resolved ${typescript4})`);
}
const offlineGot = path.join(__dirname, 'offline-got.cjs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'typescript') return typescript4;
  if (request === 'got') return offlineGot;
  return resolve.call(this, request, ...rest);
};

const refuse = (what) =>
  function () {
    throw new Error(`electronegativity tried to reach the network (${what}); this scan must stay offline`);
  };
net.Socket.prototype.connect = refuse('socket connect');
net.connect = net.createConnection = refuse('net.connect');
