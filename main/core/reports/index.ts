// Reports: the figures of a day, week or month, and the same as a spreadsheet. Reads only.
import type { FeatureHandlers } from '../context';
import { buildingTimeZone, requireBuildingProfile } from '../settings';
import { periodBounds, reportFigures } from './figures';
import { reportCsv, reportFileName, reportXlsx } from './export';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export const reportsHandlers: FeatureHandlers<'reports'> = {
  figures: (ctx, input) => {
    const timeZone = buildingTimeZone(ctx.db);
    const profile = requireBuildingProfile(ctx.db);
    return reportFigures(ctx.db, periodBounds(input.period, input.day, timeZone), ctx.now, timeZone, { name: profile.name, nameEn: profile.nameEn });
  },
  export: async (ctx, input) => {
    const timeZone = buildingTimeZone(ctx.db);
    const profile = requireBuildingProfile(ctx.db);
    const figures = reportFigures(ctx.db, periodBounds(input.period, input.day, timeZone), ctx.now, timeZone, { name: profile.name, nameEn: profile.nameEn });
    const file = input.format === 'xlsx' ? await reportXlsx(figures, ctx.lang, timeZone, ctx.now) : await reportCsv(figures, ctx.lang, timeZone, ctx.now);
    return { fileName: reportFileName(figures, input.format), mime: MIME[input.format], base64: file.toString('base64') };
  },
};
