// Zod 4 compiles validators with `new Function` unless told not to, and extension pages run under
// a CSP that forbids eval. Every module imports `z` from here so the switch is set before any parse.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
