export type SurveyLang = 'id' | 'en';

/** What the core itself says about the survey (queued messages); the questions live in the bot's locales. */
export const surveyTexts = {
  invitation: (lang: SurveyLang, ticketNumber: number, anonymous: boolean) =>
    lang === 'en'
      ? `Would you help us improve? A short satisfaction survey about ticket #${ticketNumber}: nine questions, one tap each.` +
        (anonymous ? ' Your answers are anonymous: they are stored without your name or ticket.' : '')
      : `Bantu kami memperbaiki layanan: survei kepuasan singkat tentang tiket #${ticketNumber}, sembilan pertanyaan, cukup satu ketukan masing-masing.` +
        (anonymous ? ' Jawaban Anda anonim: disimpan tanpa nama maupun nomor tiket.' : ''),
  startButton: (lang: SurveyLang) => (lang === 'en' ? 'Take the survey' : 'Isi survei'),
};
