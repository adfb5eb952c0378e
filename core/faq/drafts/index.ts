/** FAQ drafts from resolved tickets ("Jadikan FAQ"): service, corpus file rendering and the `faqDrafts` router. */
export { faqDraftsRouter } from './drafts-router.js';
export {
  approveDraft,
  createDraftFromTicket,
  draftTitle,
  insertFaqDraft,
  loadFaqDraftView,
  recordFaqDraftReview,
  rejectDraft,
  type FaqDraftStatus,
  type FaqDraftView,
} from './draft-service.js';
export { draftSource, sessionDraftSource, renderDraftDocument, slugOf, summaryOf, verifyNote } from './draft-document.js';
