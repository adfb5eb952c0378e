import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { hasAtLeast, type Role } from '../auth/roles.js';
import type { CoreContext } from './context.js';

const t = initTRPC.context<CoreContext>().create({
  // Input errors come back as one readable line per field, e.g. { nip: "NIP harus 18 digit angka" }.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      error.code === 'BAD_REQUEST' && cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((issue) => [issue.path.join('.') || '(input)', issue.message]))
        : null;
    return { ...shape, data: { ...shape.data, fieldErrors, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** A procedure open to `role` and every role above it. */
export function procedureFor(role: Role) {
  return t.procedure.use(({ ctx, next }) => {
    if (!hasAtLeast(ctx.actor.role, role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Hanya ${role} atau yang lebih tinggi yang dapat melakukan ini. / Requires role ${role}.`,
      });
    }
    return next();
  });
}

export const staffProcedure = procedureFor('staff');
export const hrOfficerProcedure = procedureFor('hr_officer');
export const hrLeadProcedure = procedureFor('hr_lead');
export const adminProcedure = procedureFor('admin');
