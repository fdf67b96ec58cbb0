/** `npm run bench`: every benchmark in turn. */
await import('./run.js');
await import('./encryption.js');
await import('./audit.js');
await import('./search.js');
await import('./plan.js');
await import('./pdf.js');
