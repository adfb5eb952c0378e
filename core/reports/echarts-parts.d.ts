// ECharts' per-part entry points (echarts/lib/...) ship without type declarations next to them; they are the same
// installers that the `echarts/charts` and `echarts/components` barrels re-export, typed as such.
declare module 'echarts/lib/chart/bar/install.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], Function>;
}
declare module 'echarts/lib/chart/pie/install.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], Function>;
}
declare module 'echarts/lib/component/grid/install.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], Function>;
}
declare module 'echarts/lib/component/legend/install.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], Function>;
}
declare module 'echarts/lib/component/title/install.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], Function>;
}
