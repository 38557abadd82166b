// The columns a batch file is read by: the header of the service's CSV reader (BatchInput.java with
// SiteReader.ATTRIBUTES: name, lon, lat and the project attributes), the same names as GeoJSON
// properties and Excel headers. The browser test checks this list against SiteReader.ATTRIBUTES,
// so the tab never tells the planner of a column the service would refuse.

/** In the order of the template; `required`: the reader refuses a file without it. */
export const COLUMNS = [
  { name: 'name', required: true },
  { name: 'lon', required: true },
  { name: 'lat', required: true },
  { name: 'industry', required: false },
  { name: 'fuel', required: false },
  { name: 'boiler_tph', required: false },
  { name: 'boiler_use', required: false },
  { name: 'new', required: false },
  { name: 'key_gas_industry', required: false },
  { name: 'stack_height_m', required: false },
];

// two sites a planner can overwrite: a gas heating boiler and a coal-fired foundry, in 秦皇岛 and 唐山
const EXAMPLES = [
  ['示例供热锅炉房', '119.5987', '39.9354', '', 'gas', '20', 'heating', 'true', 'false', '30'],
  ['示例铸造厂', '118.1802', '39.6305', 'foundry', 'coal', '10', 'industrial', 'true', 'false', '45'],
];

/**
 * The template as CSV text, with a byte-order mark: without one, Excel in a Chinese locale reads
 * UTF-8 as GBK and garbles the names (the service's own CSV does the same).
 */
export function templateCsv() {
  const lines = [COLUMNS.map((c) => c.name), ...EXAMPLES].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
