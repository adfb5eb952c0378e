/**
 * "usulan kp sy sdh sampai mana", "status usulan kenaikan pangkat saya", "where is my promotion proposal": the
 * asker wants their own KP proposal's status in SIASN, which is read from their record, never from the corpus or
 * an LLM. `p` is the question after requestWords(). How to file a proposal ("syarat usulan kp") stays a policy
 * question.
 */
const proposal = /\b(usul|usulan|usulannya|pengajuan|pengusulan|berkas|berkasnya|proposal|application)\b/;
const promotion = /\b(kp|kenaikan pangkat|naik pangkat|pangkat|golongan|promotion|promosi)\b/;
const progress =
  /\b(sampai mana|sampai dimana|sampai di mana|sudah dimana|sudah di mana|dimana|di mana|status|statusnya|proses|prosesnya|diproses|progres|progress|posisi|posisinya|gimana|bagaimana|kabar|kabarnya|sudah sampai|sudah keluar|belum keluar|sudah terbit|belum terbit|where|how far|update)\b/;
const own = /\b(saya|ku|my|mine)\b/;
// "… tidak gerak, harus bagaimana", "lapor ke mana", "bisa dipantau di mana": what to do about it, and where to
// follow it, is advice the corpus gives.
const policy = /\b(syarat|syaratnya|cara|caranya|prosedur|aturan|dokumen apa|berkas apa|apa saja|kapan dibuka|jadwal|how to|requirements?|harus bagaimana|harus apa|lapor|melapor|ke mana|kemana|pantau|dipantau|memantau|dimonitor|memonitor)\b/;

export function asksOwnKpProposal(p: string): boolean {
  return proposal.test(p) && promotion.test(p) && progress.test(p) && own.test(p) && !policy.test(p);
}
