import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` when it may, and finds out by trying one: under
 * our Content Security Policy (no 'unsafe-eval') that try is refused and reported as a violation on
 * every page. Told up front, it never tries. Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
