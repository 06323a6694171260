'use strict';
const { run } = require('./main/index.js');

exports.run = run;
if (require.main === module) void run();
