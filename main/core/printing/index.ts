// Printing through the shell's host services; without them (web mode) the renderer prints by itself.
import type { FeatureHandlers } from '../context';

export const printingHandlers: FeatureHandlers<'printing'> = {
  printers: async (ctx) => ({
    printers: ctx.host.printers && ctx.windowId !== null ? await ctx.host.printers(ctx.windowId) : [],
  }),
  print: async (ctx, input) => ({
    printed: ctx.host.printWindow && ctx.windowId !== null ? await ctx.host.printWindow(ctx.windowId, { printer: input.printer }) : false,
  }),
  pdf: async (ctx) => ({
    pdfBase64: ctx.host.pdfOfWindow && ctx.windowId !== null ? (await ctx.host.pdfOfWindow(ctx.windowId)).toString('base64') : null,
  }),
};
