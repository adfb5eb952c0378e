import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { rgbPngFromRgba } from './rgb-png.js';
import type { EChartsOption } from 'echarts';
import { skmElements } from '../survey/skm-index.js';
import type { ServiceReport } from './report-schema.js';

// Only what the report draws: the full ECharts bundle costs about 90 MB of memory to load.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer, LegacyGridContainLabel]);

/** The fonts ship with the dejavu-fonts-ttf package: charts look the same on every server, with no system fonts. */
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const reportFonts = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
};
const fontFamily = 'DejaVu Sans';

/** Every chart is drawn at this size (CSS pixels) and rendered at `scale` for print. */
export const chartSize = { width: 1000, height: 520, scale: 1 } as const;

export interface ReportChart {
  name: string;
  title: string;
  png: Buffer;
  /** Pixels of the PNG. */
  width: number;
  height: number;
}

const colours = { primary: '#1f5fa8', good: '#2e8b57', bad: '#c0392b', neutral: '#9aa5b1', accent: '#e6a23c' };

function base(title: string, subtitle: string | undefined): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily, fontSize: 14 },
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontFamily, fontSize: 20 }, subtextStyle: { fontFamily, fontSize: 14 } },
    grid: { left: 30, right: 40, top: subtitle ? 90 : 70, bottom: 30, containLabel: true },
  };
}

const noData = 'Belum ada data pada bulan ini';
/** Bar labels as Indonesian numbers (4,5 rather than 4.5). */
const idLabel = (params: unknown) => {
  const value = (params as { value?: unknown }).value;
  return typeof value === 'number' ? value.toLocaleString('id-ID', { maximumFractionDigits: 2 }) : String(value ?? '');
};
const pct = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`);

/** Chart options for the report, in the order the PDF shows them. */
export function reportChartOptions(report: ServiceReport): Array<{ name: string; title: string; option: EChartsOption }> {
  const categories = [...report.tickets.byCategory].reverse();
  const sla = report.sla.byCategory;
  const onTime = (met: number, breached: number) => (met + breached > 0 ? Math.round((met / (met + breached)) * 1000) / 10 : 0);
  const faq = [
    { name: 'Dijawab', value: report.faq.answered, itemStyle: { color: colours.good } },
    { name: 'Dijawab dari data pribadi', value: report.faq.personal, itemStyle: { color: colours.primary } },
    { name: 'Diteruskan ke petugas', value: report.faq.escalated, itemStyle: { color: colours.accent } },
    { name: 'Ditolak', value: report.faq.refused, itemStyle: { color: colours.bad } },
  ];
  const groupTitle = report.scope.kind === 'province' ? 'instansi' : 'unit';
  return [
    {
      name: 'tiket-per-kategori',
      title: 'Tiket per kategori',
      option: {
        ...base('Tiket per kategori', categories.length ? `${report.tickets.total} tiket masuk` : noData),
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: categories.map((c) => c.label), axisLabel: { width: 260, overflow: 'truncate' } },
        series: [{ type: 'bar', data: categories.map((c) => c.count), itemStyle: { color: colours.primary }, label: { show: true, position: 'right', formatter: idLabel } }],
      },
    },
    {
      name: 'ketepatan-waktu',
      title: 'Ketepatan waktu per kategori',
      option: {
        ...base('Tiket yang ditangani tepat waktu (%)', sla.length ? 'dihitung dalam jam kerja terhadap target SLA tiap kategori' : noData),
        legend: { bottom: 0, itemGap: 48, textStyle: { fontFamily } },
        grid: { left: 30, right: 40, top: 90, bottom: 50, containLabel: true },
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', data: [...sla].reverse().map((c) => c.label), axisLabel: { width: 260, overflow: 'truncate' } },
        series: [
          { name: 'Tanggapan pertama', type: 'bar', data: [...sla].reverse().map((c) => onTime(c.firstResponseMet, c.firstResponseBreached)), itemStyle: { color: colours.primary }, label: { show: true, position: 'right', formatter: idLabel } },
          { name: 'Penyelesaian', type: 'bar', data: [...sla].reverse().map((c) => onTime(c.resolutionMet, c.resolutionBreached)), itemStyle: { color: colours.good }, label: { show: true, position: 'right', formatter: idLabel } },
        ],
      },
    },
    {
      name: 'kepuasan-tiket',
      title: 'Penilaian tiket (1–5)',
      option: {
        ...base(
          'Penilaian pegawai atas tiket (1–5)',
          report.csat.responses ? `${report.csat.responses} penilaian, rata-rata ${report.csat.average?.toLocaleString('id-ID')}` : noData,
        ),
        xAxis: { type: 'category', data: ['1 ★', '2 ★', '3 ★', '4 ★', '5 ★'] },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: report.csat.distribution, itemStyle: { color: colours.accent }, label: { show: true, position: 'top', formatter: idLabel } }],
      },
    },
    {
      name: 'skm',
      title: 'Survei Kepuasan Masyarakat',
      option: {
        ...base(
          'Survei Kepuasan Masyarakat: nilai rata-rata per unsur (1–4)',
          report.skm.index !== null
            ? `IKM ${report.skm.index.toLocaleString('id-ID')} — mutu ${report.skm.letter} (${report.skm.quality}), ${report.skm.responses} responden`
            : noData,
        ),
        xAxis: { type: 'value', min: 0, max: 4 },
        yAxis: { type: 'category', data: [...skmElements].reverse().map((e, i) => `U${9 - i} ${e.id}`), axisLabel: { width: 300, overflow: 'truncate' } },
        series: [{ type: 'bar', data: [...report.skm.elementMeans].reverse().map((m) => m ?? 0), itemStyle: { color: colours.good }, label: { show: true, position: 'right', formatter: idLabel } }],
      },
    },
    {
      name: 'faq',
      title: 'Pertanyaan FAQ',
      option: {
        ...base('Pertanyaan ke penjawab otomatis (FAQ)', report.faq.total ? `${report.faq.total} pertanyaan` : noData),
        legend: { bottom: 0, itemGap: 48, textStyle: { fontFamily } },
        series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '52%'], data: faq, label: { formatter: '{b}: {c} ({d}%)', fontFamily } }],
      },
    },
    {
      name: 'konfirmasi-siaran',
      title: `Konfirmasi siaran per ${groupTitle}`,
      option: {
        ...base(
          `Siaran yang dikonfirmasi, per ${groupTitle} (%)`,
          report.broadcasts.ackByUnit.length ? `rata-rata ${pct(report.broadcasts.ackRate)} dari penerima siaran "perlu konfirmasi"` : 'Tidak ada siaran "perlu konfirmasi" pada bulan ini',
        ),
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', data: [...report.broadcasts.ackByUnit].reverse().map((u) => u.unit), axisLabel: { width: 260, overflow: 'truncate' } },
        series: [{ type: 'bar', data: [...report.broadcasts.ackByUnit].reverse().map((u) => u.rate ?? 0), itemStyle: { color: colours.primary }, label: { show: true, position: 'right', formatter: idLabel } }],
      },
    },
    {
      name: 'pegawai-tertaut',
      title: `Pegawai tertaut ke Telegram per ${groupTitle}`,
      option: {
        ...base(`Pegawai tertaut ke Telegram, per ${groupTitle}`, `${report.staff.linked} dari ${report.staff.active} pegawai aktif`),
        legend: { bottom: 0, itemGap: 48, textStyle: { fontFamily } },
        grid: { left: 30, right: 40, top: 90, bottom: 50, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: [...report.staff.byUnit].reverse().map((u) => u.unit), axisLabel: { width: 260, overflow: 'truncate' } },
        series: [
          { name: 'Tertaut', type: 'bar', stack: 'pegawai', data: [...report.staff.byUnit].reverse().map((u) => u.linked), itemStyle: { color: colours.good } },
          { name: 'Belum tertaut', type: 'bar', stack: 'pegawai', data: [...report.staff.byUnit].reverse().map((u) => u.notLinked), itemStyle: { color: colours.neutral } },
        ],
      },
    },
  ];
}

/** ECharts' server-side SVG renderer (no browser, no canvas). */
export function chartSvg(option: EChartsOption, size: { width: number; height: number } = chartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * SVG to PNG with resvg's prebuilt renderer and the bundled fonts. Rendered on libuv's thread pool, so the charts
 * of one report are drawn in parallel and the event loop stays free.
 */
export async function svgToPng(svg: string, scale: number = chartSize.scale): Promise<{ png: Buffer; width: number; height: number }> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [reportFonts.regular, reportFonts.bold], defaultFontFamily: fontFamily },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return { png: rgbPngFromRgba(image.pixels, image.width, image.height), width: image.width, height: image.height };
}

/** Two at a time: both cores busy, while only two charts' pixels are held in memory at once. */
export async function renderReportCharts(report: ServiceReport): Promise<ReportChart[]> {
  const options = reportChartOptions(report);
  const charts: ReportChart[] = new Array(options.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.length; i = next++) {
      const { name, title, option } = options[i]!;
      charts[i] = { name, title, ...(await svgToPng(chartSvg(option))) };
    }
  };
  await Promise.all([worker(), worker()]);
  return charts;
}
