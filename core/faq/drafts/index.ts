/** FAQ drafts from resolved tickets ("Jadikan FAQ"): service, corpus file rendering and the `faqDrafts` router. */
export { faqDraftsRouter } from './drafts-router.js';
export {
  approveDraft,
  createDraftFromTicket,
  loadFaqDraftView,
  recordFaqDraftReview,
  rejectDraft,
  type FaqDraftStatus,
  type FaqDraftView,
} from './draft-service.js';
export { draftSource, renderDraftDocument, slugOf, summaryOf, verifyNote } from './draft-document.js';
