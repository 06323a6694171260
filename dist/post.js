import { realpathSync } from 'node:fs';
import { run } from './post/index.js';

export { run };
const real = (path) => { try { return realpathSync(path); } catch { return undefined; } };
if (process.argv[1] !== undefined && real(process.argv[1]) === real(import.meta.filename)) void run();
