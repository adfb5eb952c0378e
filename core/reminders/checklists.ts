/**
 * Documents staff are asked to prepare. The KGB and pension lists follow the fact sheet; for KP the corpus says to
 * ask HR, so the list is what this office asks for. Change them here; every reminder uses them.
 */
export interface ChecklistItem {
  id: string;
  en: string;
}

export const kgbChecklist: ChecklistItem[] = [
  { id: 'SK pangkat terakhir', en: 'your latest rank decree (SK pangkat)' },
  { id: 'SK KGB terakhir', en: 'your latest salary step decree (SK KGB)' },
  { id: 'SKP terakhir dengan predikat minimal Baik', en: 'your latest performance appraisal (SKP) rated at least Baik' },
];

export const kpChecklist: ChecklistItem[] = [
  { id: 'SK pangkat terakhir', en: 'your latest rank decree (SK pangkat)' },
  { id: 'SKP dua tahun terakhir dengan predikat minimal Baik', en: 'your performance appraisals (SKP) of the last two years, rated at least Baik' },
  { id: 'SK jabatan terakhir', en: 'your latest position decree (SK jabatan)' },
];

/** Added for functional positions (jabatan fungsional). */
export const kpFunctionalChecklist: ChecklistItem[] = [
  { id: 'penetapan angka kredit (PAK) terakhir', en: 'your latest credit point assessment (PAK)' },
];

export const pensionChecklist: ChecklistItem[] = [
  { id: 'DPCP (Data Perorangan Calon Penerima Pensiun)', en: 'DPCP (personal data form for pension applicants)' },
  { id: 'SK CPNS dan SK PNS', en: 'your CPNS and PNS appointment decrees' },
  { id: 'SK kenaikan pangkat terakhir', en: 'your latest promotion decree (SK KP)' },
  { id: 'Kartu Keluarga (KK)', en: 'family card (Kartu Keluarga)' },
  { id: 'surat nikah dan akta kelahiran anak', en: 'marriage certificate and children\'s birth certificates' },
  { id: 'SKP terakhir', en: 'your latest performance appraisal (SKP)' },
  { id: 'surat pernyataan tidak pernah dijatuhi hukuman disiplin tingkat sedang atau berat', en: 'statement that you have had no medium or severe disciplinary sanction' },
  { id: 'surat pernyataan tidak sedang menjalani proses pidana', en: 'statement that you are not facing criminal proceedings' },
];
