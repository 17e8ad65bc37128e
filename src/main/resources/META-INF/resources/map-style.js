// The map's look: one palette (Okabe–Ito and ColorBrewer's colour-blind-safe schemes), the layers drawn from the
// service's vector tiles, and the legend, all from the same definitions so the legend says what is drawn.

export const PALETTE = {
  inclusive: '#009E73', public: '#0072B2', private: '#E69F00', squares: '#555555',
  near: '#0072B2', far: '#56B4E9', beyond: '#E69F00', unreachable: '#D55E00',
  gap: '#CC79A7', suggested: '#CC79A7', proposed: '#000000', area: '#444444', street: '#9a9a9a', steps: '#8c510a',
  // children per cell, light to dark (ColorBrewer Oranges); children left without a place (Purples)
  children: [[0, '#fff5eb'], [2, '#fdd0a2'], [5, '#fd8d3c'], [10, '#d94801'], [20, '#7f2704']],
  uncovered: [[0.1, '#f2f0f7'], [1, '#9e9ac8'], [3, '#54278f']],
  // an area's value against its target (ColorBrewer PuOr): far below, below, nearly, met, well above
  attainment: [[0, '#b35806'], [0.5, '#f1a340'], [0.8, '#fee0b6'], [1, '#d8daeb'], [1.25, '#542788']]
};

const KIND_LETTER = ['match', ['get', 'kind'], 'STANDALONE', 'S', 'KINDERGARTEN_NURSERY', 'K', 'EMPLOYER', 'E', 'COMMUNITY', 'C',
  'MEDICAL_CARE', 'M', 'FAMILY', 'F', '?'];

/** Where the panel's layer switches point: each switch shows or hides these map layers (area outlines and names always show). */
export const LAYER_GROUPS = {
  areas: ['areas-fill'],
  population: ['population'],
  coverage: ['coverage'],
  capacity: ['capacity'],
  circles: ['circles', 'circles-line'],
  gaps: ['gaps', 'gaps-line'],
  streets: ['streets', 'street-names'],
  institutions: ['institutions', 'institution-letters']
};

/** The tile source each switch's layers draw from (a failing source fails its layers, not the others). */
export const SOURCE_OF = { areas: 'areas', population: 'cells', coverage: 'cells', capacity: 'cells', circles: 'circles',
  gaps: 'gaps', streets: 'streets', institutions: 'institutions' };

function steps(pairs) {
  return pairs.flat();
}

/** The style of a map: the sources' tile addresses come from {@code tileUrl(layer)}; {@code minutes} are the two limits. */
export function style(tileUrl, minutes, basemap) {
  const [near, far] = minutes;
  const perCell = name => ['/', ['coalesce', ['get', name], 0], ['max', 1, ['coalesce', ['get', 'cells'], 1]]];
  const uncovered = perCell('childrenWantingPlaceUncovered' + limitKey(far));
  const institutionSize = ['case', ['has', 'institutions'],
    ['interpolate', ['linear'], ['sqrt', ['get', 'institutions']], 1, 7, 10, 20],
    ['interpolate', ['linear'], ['sqrt', ['max', 0, ['get', 'slots']]], 0, 6, 15, 16]];
  const vector = layer => ({ type: 'vector', tiles: [tileUrl(layer)], minzoom: 0, maxzoom: 22 });
  const sources = { areas: { ...vector('areas'), promoteId: { areas: 'code' } }, cells: vector('cells'), circles: vector('circles'),
    gaps: vector('gaps'), streets: vector('streets'), places: vector('places'), institutions: vector('institutions'),
    suggested: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
  const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }];
  if (basemap) {
    sources.basemap = { type: 'raster', tiles: [basemap.url], tileSize: 256, attribution: basemap.attribution || '' };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  layers.push(
    { id: 'areas-fill', type: 'fill', source: 'areas', 'source-layer': 'areas', paint: {
      'fill-color': ['case', ['==', ['feature-state', 'attainment'], null], 'rgba(0,0,0,0)',
        ['step', ['feature-state', 'attainment'], ...steps(PALETTE.attainment).slice(1)]], 'fill-opacity': 0.4 } },
    { id: 'population', type: 'fill', source: 'cells', 'source-layer': 'cells', paint: {
      'fill-color': ['interpolate', ['linear'], perCell('childrenUnder3'), ...steps(PALETTE.children)], 'fill-opacity': 0.7 } },
    { id: 'coverage', type: 'fill', source: 'cells', 'source-layer': 'cells', paint: {
      'fill-color': ['case', ['!', ['has', 'minutesToNearest']], PALETTE.unreachable,
        ['<=', ['get', 'minutesToNearest'], near], PALETTE.near, ['<=', ['get', 'minutesToNearest'], far], PALETTE.far,
        PALETTE.beyond], 'fill-opacity': 0.55 } },
    { id: 'capacity', type: 'fill', source: 'cells', 'source-layer': 'cells', filter: ['>', uncovered, 0], paint: {
      'fill-color': ['interpolate', ['linear'], uncovered, ...steps(PALETTE.uncovered)], 'fill-opacity': 0.75 } },
    { id: 'circles', type: 'fill', source: 'circles', 'source-layer': 'circles', filter: ['<=', ['get', 'minutes'], far], paint: {
      'fill-color': ['case', ['<=', ['get', 'minutes'], near], PALETTE.near, PALETTE.far], 'fill-opacity': 0.15 } },
    // outlines from zoom 12, where each institution's circle is its own; below it the merged fill shows the edge
    { id: 'circles-line', type: 'line', source: 'circles', 'source-layer': 'circles', minzoom: 12, filter: ['<=', ['get', 'minutes'], far],
      paint: { 'line-color': ['case', ['<=', ['get', 'minutes'], near], PALETTE.near, PALETTE.far], 'line-width': 1 } },
    { id: 'gaps', type: 'fill', source: 'gaps', 'source-layer': 'gaps', paint: { 'fill-color': PALETTE.gap, 'fill-opacity': 0.2 } },
    { id: 'gaps-line', type: 'line', source: 'gaps', 'source-layer': 'gaps',
      paint: { 'line-color': PALETTE.gap, 'line-width': 2, 'line-dasharray': [2, 1.5] } },
    // from zoom 14: at 13 a city's every footpath (40,000 pieces a view) is a grey mesh that slows drawing and hides the cells
    { id: 'streets', type: 'line', source: 'streets', 'source-layer': 'streets', minzoom: 14, paint: {
      'line-color': ['case', ['==', ['get', 'steps'], true], PALETTE.steps, PALETTE.street],
      'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.6, 17, 2.5] } },
    { id: 'areas-line', type: 'line', source: 'areas', 'source-layer': 'areas',
      paint: { 'line-color': PALETTE.area, 'line-width': 1.5 } },
    { id: 'street-names', type: 'symbol', source: 'streets', 'source-layer': 'streets', minzoom: 15, filter: ['has', 'name'],
      layout: { 'text-field': ['get', 'name'], 'symbol-placement': 'line', 'text-size': 11, 'text-font': ['sans-serif'] },
      paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.5 } },
    { id: 'areas-name', type: 'symbol', source: 'areas', 'source-layer': 'areas',
      layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-font': ['sans-serif'] },
      paint: { 'text-color': PALETTE.area, 'text-halo-color': '#fff', 'text-halo-width': 2 } },
    // the extract's place names (the tiles hold each from the zoom its kind is labelled at), placed before street names
    { id: 'place-names', type: 'symbol', source: 'places', 'source-layer': 'places',
      layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'],
        'text-size': ['match', ['get', 'kind'], ['city', 'town', 'suburb'], 14, ['village', 'quarter', 'neighbourhood'], 12, 11] },
      paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 2 } },
    { id: 'institutions', type: 'circle', source: 'institutions', 'source-layer': 'institutions', paint: {
      // size by slots (or institutions, where a low zoom sums them into squares), a quarter as large over a whole city
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, ['*', 0.3, institutionSize], 14, institutionSize],
      'circle-color': ['case', ['has', 'institutions'], PALETTE.squares, ['==', ['get', 'inclusive'], true], PALETTE.inclusive,
        ['in', ['get', 'ownership'], ['literal', ['PUBLIC', 'PUBLIC_BUILT_PRIVATELY_RUN']]], PALETTE.public, PALETTE.private],
      'circle-opacity': ['case', ['==', ['get', 'estimated'], true], 0.5, 0.9],
      'circle-stroke-color': ['case', ['==', ['get', 'proposed'], true], PALETTE.proposed, '#ffffff'],
      'circle-stroke-width': ['case', ['==', ['get', 'proposed'], true], 3, 1] } },
    { id: 'institution-letters', type: 'symbol', source: 'institutions', 'source-layer': 'institutions',
      // the kind's letter once the discs are large enough to hold it; a square's number always
      layout: { 'text-field': ['step', ['zoom'], ['case', ['has', 'institutions'], ['to-string', ['get', 'institutions']], ''], 13,
        ['case', ['has', 'institutions'], ['to-string', ['get', 'institutions']], KIND_LETTER]],
        'text-size': 11, 'text-font': ['sans-serif'], 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' } },
    { id: 'suggested', type: 'circle', source: 'suggested', paint: { 'circle-radius': 9, 'circle-color': PALETTE.suggested,
      'circle-stroke-color': PALETTE.proposed, 'circle-stroke-width': 2 } },
    { id: 'suggested-rank', type: 'symbol', source: 'suggested', layout: { 'text-field': ['to-string', ['get', 'rank']],
      'text-size': 11, 'text-font': ['sans-serif'], 'text-allow-overlap': true }, paint: { 'text-color': '#ffffff' } });
  return { version: 8, sources, layers };
}

/** The suffix of a limit's tile properties, as the service writes it (15 → "15", 7.5 → "7_5"). */
export function limitKey(minutes) {
  return Number.isInteger(minutes) ? String(minutes) : String(minutes).replace('.', '_');
}

/**
 * The legend: per layer switch, its swatches and the words (keys of the page's text table) that say what they mean,
 * with units; {@code minutes} name the two limits.
 */
export function legend(t, minutes) {
  const [near, far] = minutes;
  const dot = colour => `<i class="dot" style="background:${colour}"></i>`;
  const band = colour => `<i class="band" style="background:${colour}"></i>`;
  const ramp = (pairs, unit) => pairs.map(([value, colour]) => `${band(colour)} ${value}`).join(' ') + (pairs === PALETTE.children
    ? '+' : '') + ` ${unit}`;
  return [
    ['institutions', `${dot(PALETTE.inclusive)} ${t('legendInclusive')}<br>${dot(PALETTE.public)} ${t('legendPublic')}<br>`
      + `${dot(PALETTE.private)} ${t('legendPrivate')}<br>${dot(PALETTE.squares)} ${t('legendSquares')}<br>`
      + `<i class="dot faded" style="background:${PALETTE.public}"></i> ${t('legendEstimatedSite')}`],
    ['circles', `${band(PALETTE.near)} ${near} ${t('minutes')} ${band(PALETTE.far)} ${far} ${t('minutes')} — ${t('legendCircles')}`],
    ['coverage', `${band(PALETTE.near)} ≤ ${near} ${band(PALETTE.far)} ≤ ${far} ${band(PALETTE.beyond)} > ${far} ${t('minutes')}`
      + ` ${band(PALETTE.unreachable)} ${t('legendUnreachable')}`],
    ['population', `${ramp(PALETTE.children, t('legendChildrenUnit'))}`],
    ['capacity', `${ramp(PALETTE.uncovered, t('legendChildrenUnit'))} — ${t('legendCapacity').replace('{far}', far)}`],
    ['gaps', `<i class="band gap"></i> ${t('legendGap')}`],
    ['areas', `${PALETTE.attainment.map(([, colour]) => band(colour)).join('')} ${t('legendAttainment')}`],
    ['streets', `${band(PALETTE.street)} ${t('streets')} ${band(PALETTE.steps)} ${t('legendSteps')}`],
    ['planning', `<i class="dot proposed-swatch"></i> ${t('legendProposed')}<br>${dot(PALETTE.suggested)} ${t('legendSuggested')}`],
    ['estimated', t('legendEstimated')]
  ];
}
