// Printing the view a staff screen is showing (a visitor pass, a handover sheet). In the desktop app the shell
// prints silently to the chosen printer or makes a PDF; in a browser these answer `printed: false` and the
// screen uses the browser's own print.
import { z } from 'zod';
import { query, STAFF } from './define';
import { empty, text } from './fields';

export const printing = {
  printers: query({
    summary: 'Printers the desktop app can print to (empty in a browser).',
    input: empty(),
    output: z.object({ printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })) }),
    allow: STAFF,
  }),
  print: query({
    summary: 'Print the calling window silently (desktop app); printed: false means use the browser print.',
    input: z.strictObject({ printer: text(200).nullable().default(null) }),
    output: z.object({ printed: z.boolean() }),
    allow: STAFF,
  }),
  pdf: query({
    summary: 'A PDF of the calling window (desktop app); null in a browser.',
    input: empty(),
    output: z.object({ pdfBase64: z.string().nullable() }),
    allow: STAFF,
  }),
};
