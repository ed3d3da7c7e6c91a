// Stands in for `got` in the electronegativity scan: every request fails at once, without a socket.
'use strict';
const fail = () => Promise.reject(new Error('offline: electronegativity may not use the network in tests'));
module.exports = Object.assign(fail, { head: fail, get: fail, post: fail, default: fail });
