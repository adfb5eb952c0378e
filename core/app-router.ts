import { agenciesRouter } from './agencies/agencies-router.js';
import { broadcastsRouter } from './broadcasts/broadcasts-router.js';
import { faqRouter } from './faq/faq-router.js';
import { faqDraftsRouter } from './faq/drafts/index.js';
import { feedbackRouter } from './feedback/feedback-router.js';
import { ticketsRouter } from './tickets/tickets-router.js';
import { identityRouter } from './identity/identity-router.js';
import { infodeskRouter } from './infodesk/infodesk-router.js';
import { sosialisasiRouter } from './sosialisasi/sosialisasi-router.js';
import { recordsRouter } from './records/records-router.js';
import { remindersRouter } from './reminders/reminders-router.js';
import { siasnRouter } from './siasn/siasn-router.js';
import { createCallerFactory, router } from './trpc/init.js';
import { surveyRouter } from './survey/survey-router.js';
import { reportsRouter } from './reports/reports-router.js';

export const appRouter = router({
  agencies: agenciesRouter,
  records: recordsRouter,
  identity: identityRouter,
  tickets: ticketsRouter,
  feedback: feedbackRouter,
  faq: faqRouter,
  faqDrafts: faqDraftsRouter,
  broadcasts: broadcastsRouter,
  reminders: remindersRouter,
  infodesk: infodeskRouter,
  sosialisasi: sosialisasiRouter,
  siasn: siasnRouter,
  survey: surveyRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
