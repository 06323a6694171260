'use strict';
const { run } = require('./post/index.js');

exports.run = run;
if (require.main === module) void run();
