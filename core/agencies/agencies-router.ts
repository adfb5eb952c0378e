import { z } from 'zod';
import { hrOfficerProcedure, router } from '../trpc/init.js';
import { agencyDeskInputSchema } from './agency-desk.js';
import { addAgency, listAgencies, setAgency, showAgency } from './agency-service.js';
import { provinceOverview } from './province-overview.js';

const code = z.string().trim().min(1, 'tulis kode instansi, mis. DINKES');

export const agenciesRouter = router({
  list: hrOfficerProcedure.query(({ ctx }) => listAgencies({ db: ctx.db, agencies: ctx.settings.agencies }, ctx.actor)),
  show: hrOfficerProcedure.input(z.object({ code })).query(({ ctx, input }) => showAgency({ db: ctx.db, agencies: ctx.settings.agencies }, ctx.actor, input.code)),
  /** Province admins only (checked in the service). */
  add: hrOfficerProcedure
    .input(z.object({ code, name: z.string().trim().min(3, 'nama instansi minimal 3 karakter'), desk: agencyDeskInputSchema.default({}) }))
    .mutation(({ ctx, input }) => addAgency({ db: ctx.db, agencies: ctx.settings.agencies }, ctx.actor, input.code, input.name, input.desk)),
  set: hrOfficerProcedure
    .input(z.object({ code, desk: agencyDeskInputSchema }))
    .mutation(({ ctx, input }) => setAgency({ db: ctx.db, agencies: ctx.settings.agencies }, ctx.actor, input.code, input.desk)),
  /** Every agency side by side (the province role and operators). */
  overview: hrOfficerProcedure
    .input(z.object({ days: z.number().int().min(1).max(365).default(30) }).default({ days: 30 }))
    .query(({ ctx, input }) =>
      provinceOverview({ db: ctx.db, calendar: ctx.settings.businessCalendar, agencies: ctx.settings.agencies, now: ctx.clock.now() }, ctx.actor, input.days),
    ),
});
