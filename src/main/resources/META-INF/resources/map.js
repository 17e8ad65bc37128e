// CareCircle's map: the layers are the service's vector tiles (/tiles/…), drawn by MapLibre GL; every figure in the
// panel comes from the public GraphQL API (/graphql), through named operations (the README lists them).
import * as maplibregl from '/vendor/maplibre-gl/maplibre-gl.mjs';
import { gcj02Basemap } from '/map-datum.js';
import { LAYER_GROUPS, SOURCE_OF, legend, limitKey, style } from '/map-style.js';
import { TEXT } from '/map-text.js';

const state = { language: 'zh', counts: {}, proposed: [], errors: [], scenario: null, gaps: [] };
window.careCircle = state;

function t(key) { return TEXT[state.language][key] || key; }
const $ = id => document.getElementById(id);

async function gql(query, variables, asPlanner) {
  const headers = { 'Content-Type': 'application/json' };
  if (asPlanner) {
    const user = $('user').value, password = $('password').value;
    if (!user) { throw new Error(t('login')); }
    headers.Authorization = 'Basic ' + btoa(user + ':' + password);
  }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (asPlanner) { showLogin(response.status, body); }
  if (body.errors) { throw new Error(body.errors.map(e => e.message).join('; ')); }
  return body.data;
}

/** A mutation's payload, or its userErrors as one error. */
function payload(result) {
  if (result.userErrors.length) { throw new Error(result.userErrors.map(e => `${e.field ?? ''} ${e.message}`).join('; ')); }
  return result;
}

// the login's state beside its form: who is logged in, or why not (the service never asks the browser for a login)
function showLogin(httpStatus, body) {
  const element = $('login-state');
  const code = body.errors && body.errors[0].extensions ? body.errors[0].extensions.code : null;
  const refused = httpStatus === 401 || code === 'UNAUTHENTICATED' ? t('wrongLogin') : code === 'FORBIDDEN' ? t('notPlanner') : null;
  element.textContent = refused || t('loggedIn') + $('user').value;
  element.classList.toggle('failed', refused !== null);
  if (refused) { throw new Error(refused); }
}

// Walking and demand settings: every figure and layer follows them, and the page's address holds them with the view
// (a link reproduces it). Defaults are the service's own.
const DEFAULTS = { speed: 4.5, profile: 'FOOT', takeUp: 0.24, capacity: 'SLOTS', near: 5, far: 15 };
const FIELDS = { speed: 'speed', profile: 'profile', takeUp: 'take-up', capacity: 'capacity-mode', near: 'near', far: 'far' };
const NUMBERS = ['speed', 'takeUp', 'near', 'far'];

function readSettings() {
  const query = new URLSearchParams(location.search);
  state.settings = {};
  Object.entries(FIELDS).forEach(([key, field]) => {
    const value = query.get(key) ?? DEFAULTS[key];
    state.settings[key] = NUMBERS.includes(key) ? Number(value) : value;
    $(field).value = state.settings[key];
  });
  state.scenario = query.get('scenario');
  const view = (query.get('view') || '').split(',').map(Number);
  state.view = view.length === 3 && view.every(Number.isFinite) ? view : null;
}

function writeSettings() {
  Object.entries(FIELDS).forEach(([key, field]) => {
    state.settings[key] = NUMBERS.includes(key) ? Number($(field).value) : $(field).value;
  });
  writeAddress();
}

function writeAddress() {
  const query = new URLSearchParams(location.search);
  Object.entries(state.settings).forEach(([key, value]) => query.set(key, value));
  if (state.scenario) { query.set('scenario', state.scenario); } else { query.delete('scenario'); }
  if (state.map) {
    const centre = state.map.getCenter();
    query.set('view', [centre.lng.toFixed(5), centre.lat.toFixed(5), state.map.getZoom().toFixed(2)].join(','));
  }
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

function minutes() { return [state.settings.near, state.settings.far]; }

/** CoverageParameters of the settings, with a scenario when given; indicators are defined on 5 and 15 minutes, not the chosen limits. */
function parameters(scenario, forIndicators) {
  const s = state.settings;
  return { minutes: forIndicators ? null : minutes(), speedKmh: s.speed, profile: s.profile, takeUpRate: s.takeUp, capacity: s.capacity,
    scenario: scenario || null };
}

/** A layer's tile address with the settings (and a scenario), absolute as MapLibre's workers need. */
function tileUrl(layer, scenario) {
  const s = state.settings, query = new URLSearchParams({ speedKmh: s.speed, profile: s.profile, takeUpRate: s.takeUp,
    capacity: s.capacity });
  minutes().forEach(m => query.append('minutes', m));
  if (scenario) { query.set('scenario', scenario); }
  if (layer === 'gaps') { query.set('gapMinutes', s.far); }
  return `${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt?${query}`;
}

// Every node of a connection, a page after another (at most 40 pages of 500), following pageInfo.endCursor.
async function everyNode(query, variables, connectionOf) {
  const nodes = [];
  let after = null;
  for (let page = 0; page < 40; page++) {
    const connection = connectionOf(await gql(query, { ...variables, after }));
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) { break; }
    after = connection.pageInfo.endCursor;
  }
  return nodes;
}

/** The box of every coordinate of some GeoJSON geometries, or null. */
function boundsOf(geometries) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = c => { if (typeof c[0] === 'number') { box[0] = Math.min(box[0], c[0]); box[1] = Math.min(box[1], c[1]);
    box[2] = Math.max(box[2], c[0]); box[3] = Math.max(box[3], c[1]); } else { c.forEach(visit); } };
  geometries.forEach(g => visit(g.coordinates));
  return box[0] <= box[2] ? [[box[0], box[1]], [box[2], box[3]]] : null;
}

async function extent() {
  const data = await gql(/* GraphQL */ `query MapExtent { areas(level: DISTRICT) { nodes { boundary } }
      institutions(first: 500) { nodes { location } } }`);
  return boundsOf(data.areas.nodes.map(a => a.boundary).concat(data.institutions.nodes.map(i => i.location)))
    || [[103.966, 30.756], [103.997, 30.778]];
}

// --- the map ---------------------------------------------------------------------------------------------------------

// north stays up (rotation and pitch are off), and says so
class NorthArrow {
  onAdd() {
    this.element = document.createElement('div');
    this.element.className = 'maplibregl-ctrl north';
    this.element.setAttribute('role', 'img');
    this.update();
    return this.element;
  }
  update() { this.element.textContent = `↑ ${t('north')}`; this.element.setAttribute('aria-label', t('north')); }
  onRemove() { this.element.remove(); }
}

function createMap(container, scenario, base, bounds) {
  const map = new maplibregl.Map({ container, style: style(layer => tileUrl(layer, scenario), minutes(), base),
    bounds, fitBoundsOptions: { padding: 20 }, dragRotate: false, pitchWithRotate: false, maxPitch: 0, attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true } });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  return map;
}

function addControls(map) {
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  state.north = new NorthArrow();
  map.addControl(state.north, 'top-left');
  credit(map);
}

// the streets and the estimates come from OpenStreetMap, whose licence (ODbL) asks for this credit
function credit(map) {
  if (state.attribution) { map.removeControl(state.attribution); }
  const base = state.basemap && state.basemap.attribution ? [state.basemap.attribution] : [];
  state.attribution = new maplibregl.AttributionControl({ compact: false,
    customAttribution: [`<a href="https://www.openstreetmap.org/copyright">${t('osm')}</a>`, ...base] });
  map.addControl(state.attribution, 'bottom-right');
}

function visible(name) {
  const box = document.querySelector(`[data-layer="${name}"]`);
  return box ? box.checked : true;
}

function applyVisibility(map) {
  Object.entries(LAYER_GROUPS).forEach(([name, ids]) => ids.forEach(id =>
    map.setLayoutProperty(id, 'visibility', visible(name) ? 'visible' : 'none')));
}

function status(name, text, failed) {
  const element = document.querySelector(`[data-status="${name}"]`);
  if (element) {
    element.textContent = text;
    element.classList.toggle('failed', failed);
  }
}

/**
 * What a switch's layers draw now in the view: institutions and cells (a square of a low zoom counts those it sums),
 * circles, gaps, areas; street pieces. A feature cut by tile edges counts once.
 */
function drawnCount(map, name) {
  const features = map.queryRenderedFeatures({ layers: [LAYER_GROUPS[name][0]] });
  const square = f => `square ${JSON.stringify(f.geometry.coordinates).slice(0, 60)}`;
  const [key, weight] = {
    institutions: [f => f.properties.id ?? square(f), f => f.properties.institutions ?? 1],
    cells: [f => f.properties.cellId ?? square(f), f => f.properties.cells ?? 1],
    circles: [f => `${f.properties.institutionId} ${f.properties.minutes}`],
    gaps: [f => f.properties.rank],
    areas: [f => f.properties.code]
  }[SOURCE_OF[name] === 'cells' ? 'cells' : name] || [];
  if (!key) { return features.length; }
  const seen = new Map();
  features.forEach(f => seen.set(key(f), f));
  return [...seen.values()].reduce((sum, f) => sum + (weight ? weight(f) : 1), 0);
}

function watchLayers(map) {
  const failed = state.failed = new Map();
  map.on('dataloading', event => {
    if (event.sourceId) { names(event.sourceId).forEach(name => { failed.delete(name); status(name, t('loading'), false); }); }
  });
  // a tile that fails fails its own layers, said beside them; the other layers go on
  map.on('error', event => {
    const message = event.error ? event.error.message || String(event.error) : String(event);
    const affected = event.sourceId ? names(event.sourceId) : [];
    affected.forEach(name => { failed.set(name, message); status(name, `${t('failed')}: ${message}`, true); });
    state.errors.push(`${affected.join(', ') || 'map'}: ${message}`);
  });
  map.on('idle', () => {
    Object.keys(LAYER_GROUPS).forEach(name => {
      if (!failed.has(name)) { state.counts[name] = visible(name) ? drawnCount(map, name) : null; }
    });
    writeStatuses();
    state.idle = true;
    writeAddress();
  });
}

/** Beside each layer: what it draws, or from which zoom it draws, in the page's language (failures stay as said). */
function writeStatuses() {
  Object.keys(LAYER_GROUPS).forEach(name => {
    if (state.failed.has(name)) { return; }
    const from = state.map.getLayer(LAYER_GROUPS[name][0]).minzoom;
    status(name, !visible(name) ? '' : from && state.map.getZoom() < from ? t('zoomIn').replace('{zoom}', from)
      : `${state.counts[name]} ${t('shown')}`, false);
  });
}

function names(sourceId) {
  return Object.keys(SOURCE_OF).filter(name => SOURCE_OF[name] === sourceId && visible(name));
}

/** Tiles drawn afresh with the settings (and the map's scenario): the sources' addresses change, the view stays. */
function retile(map, scenario) {
  ['cells', 'circles', 'gaps', 'institutions'].forEach(source => map.getSource(source).setTiles([tileUrl(source, scenario)]));
  const fresh = style(layer => tileUrl(layer, scenario), minutes(), state.basemap);
  fresh.layers.filter(l => l.paint).forEach(l => {
    Object.entries(l.paint).forEach(([property, value]) => map.setPaintProperty(l.id, property, value));
    if (l.filter) { map.setFilter(l.id, l.filter); }
  });
}

function drawLegend() {
  $('legend').innerHTML = legend(t, minutes()).map(([name, html]) => `<li data-legend="${name}">${html}</li>`).join('');
}

// --- popups --------------------------------------------------------------------------------------------------------

function popup(lngLat, html) {
  if (state.popup) { state.popup.remove(); }
  state.popup = new maplibregl.Popup({ maxWidth: '300px' }).setLngLat(lngLat).setHTML(html).addTo(state.map);
  return state.popup;
}

const escape = text => String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

async function institutionPopup(lngLat, id) {
  const data = await gql(/* GraphQL */ `query MapInstitution($id: ID!) { node(id: $id) { ... on Institution { name kind ownership
      inclusive grade slots enrolled estimated classGroups { ageGroup slots enrolled } } } }`, { id: String(id) });
  const i = data.node;
  if (!i) { return; }
  popup(lngLat, `<b>${escape(i.name)}</b><br>${t('kind.' + i.kind)}, ${t('ownership.' + i.ownership)}`
    + `${i.inclusive ? ', ' + t('inclusive') : ''}${i.estimated ? ` (${t('estimated')})` : ''}<br>${t('slots')} ${i.slots}, `
    + `${t('enrolled')} ${i.enrolled}${i.grade ? ', ' + t('grade') + ' ' + i.grade : ''}<br>`
    + i.classGroups.map(g => `${t('age.' + g.ageGroup)}: ${g.enrolled}/${g.slots}`).join('<br>'));
}

function onMapClick(event) {
  if (document.body.classList.contains('proposing')) {
    addProposal({ lng: event.lngLat.lng, lat: event.lngLat.lat, slots: 60 });
    return;
  }
  const at = layers => state.map.queryRenderedFeatures(event.point, { layers: layers.filter(id => state.map.getLayer(id)
    && state.map.getLayoutProperty(id, 'visibility') !== 'none') });
  const suggested = at(['suggested'])[0];
  if (suggested) { return suggestionPopup(suggested); }
  const institution = at(['institutions'])[0];
  if (institution && institution.properties.id > 0) { return institutionPopup(event.lngLat, institution.properties.id).catch(report); }
  const gap = at(['gaps'])[0];
  if (gap) {
    const g = gap.properties;
    return popup(event.lngLat, `#${g.rank}: ${Number(g.childrenUncovered).toFixed(0)} ${t('children')} ${t('uncovered')}, ${g.cells} `
      + `${t('cells')}${g.meanMinutesToNearest === undefined ? '' : `, ${t('walk')} ${Number(g.meanMinutesToNearest).toFixed(1)} ${t('minutes')}`}`);
  }
  const cell = at(['capacity', 'coverage', 'population'])[0];
  if (cell) {
    const c = cell.properties, far = limitKey(state.settings.far);
    return popup(event.lngLat, `${Number(c.childrenUnder3).toFixed(1)} ${t('children')}; ${t('coverage')}: `
      + `${c.minutesToNearest ?? '—'}; ${t('capacity')}: ${Number(c['childrenWantingPlaceUncovered' + far] ?? 0).toFixed(1)}`);
  }
  const area = at(['areas-fill'])[0];
  if (area) { areaDetail(area.properties.code).catch(report); }
}

// --- the panel's figures -------------------------------------------------------------------------------------------

/** The coverage figures of the base or a scenario, written into the panel. */
async function summary() {
  const data = await gql(/* GraphQL */ `query MapCoverage($p: CoverageParameters) { coverage(parameters: $p) { overall { childrenUnder3
      childrenWantingPlace limits { minutes childrenWithin childrenWantingPlaceCovered } } } }`,
    { p: parameters(state.scenario) });
  const all = data.coverage.overall;
  $('coverage-summary').innerHTML = all.limits.map(l => `${l.minutes} ${t('within')}: ${l.childrenWithin.toFixed(0)} ${t('of')} `
    + `${all.childrenUnder3.toFixed(0)} ${t('children')}; ${l.childrenWantingPlaceCovered.toFixed(0)} ${t('of')} `
    + `${all.childrenWantingPlace.toFixed(0)} ${t('covered')}`).join('<br>');
}

async function gaps() {
  const data = await gql(/* GraphQL */ `query MapGapAreas($far: Float, $p: CoverageParameters) { gapAreas(minutes: $far, first: 500,
      parameters: $p) { gaps { nodes { rank area { code name } childrenUncovered meanMinutesToNearest location } } } }`,
    { far: state.settings.far, p: parameters(state.scenario) });
  state.gaps = data.gapAreas.gaps.nodes;
  listGaps($('gap-list'), state.gaps.slice(0, 10));
}

function listGaps(list, ranked) {
  list.innerHTML = '';
  ranked.forEach(g => {
    const item = document.createElement('li'), button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = `${g.childrenUncovered.toFixed(0)} ${t('children')}`
      + (g.meanMinutesToNearest === null ? '' : `, ${t('walk')} ${g.meanMinutesToNearest.toFixed(1)} ${t('minutes')}`);
    button.onclick = () => state.map.jumpTo({ center: g.location.coordinates, zoom: 16 });
    item.appendChild(button);
    list.appendChild(item);
  });
}

/** Slots per 1,000 residents as a number, every other indicator as a share. */
function formatIndicator(indicator, value) {
  if (value === null || value === undefined) { return '—'; }
  return indicator === 'SLOTS_PER_THOUSAND_RESIDENTS' ? value.toFixed(2) : (100 * value).toFixed(1) + '%';
}

async function choices(kept) {
  const data = await gql(/* GraphQL */ `query MapTargetSets($language: Language!) { targetSets { id name(language: $language) } }`,
    { language: state.language.toUpperCase() });
  const areas = await everyNode(/* GraphQL */ `query MapAreas($after: String) { areas(first: 500, after: $after) {
      nodes { code name level } pageInfo { endCursor hasNextPage } } }`, {}, page => page.areas);
  const [set, area, indicator, level] = [$('target-set'), $('area'), $('choropleth'), $('area-level')];
  [set, area, indicator, level].forEach(select => { select.innerHTML = ''; });
  data.targetSets.forEach(s => set.add(new Option(s.name, s.id)));
  area.add(new Option(t('all'), ''));
  areas.forEach(a => area.add(new Option(`${a.name} (${t('level.' + a.level)})`, a.code)));
  const levels = [...new Set(areas.map(a => a.level))];
  ['DISTRICT', 'SUBDISTRICT', 'TOWN', 'COMMUNITY'].filter(l => levels.includes(l)).forEach(l => level.add(new Option(t('level.' + l), l)));
  level.selectedIndex = level.options.length - 1;
  if (kept) { [set.value, area.value, level.value, state.chosenIndicator] = kept; }
}

/** The indicators the chosen target set sets a target for, to colour the areas by (the first, slots per 1,000, unless chosen). */
function fillIndicatorChoice(rows) {
  const select = $('choropleth'), kept = select.value || state.chosenIndicator;
  select.innerHTML = '';
  rows.filter(i => i.target !== null).forEach(i => select.add(new Option(i.label, i.indicator)));
  if (kept && [...select.options].some(o => o.value === kept)) { select.value = kept; }
}

async function indicators() {
  const data = await gql(/* GraphQL */ `query MapIndicators($set: TargetSetId!, $code: String, $language: Language!, $p: CoverageParameters) {
      indicators(targetSet: $set, areaCode: $code, parameters: $p) { areas(first: 1) { nodes { area { name } indicators { indicator
      label(language: $language) value target met gap { text(language: $language) } estimated } } } } }`,
    { set: $('target-set').value, code: $('area').value || null, language: state.language.toUpperCase(),
      p: parameters(state.scenario, true) });
  const rows = data.indicators.areas.nodes[0] ? data.indicators.areas.nodes[0].indicators : [];
  indicatorTable($('indicator-table'), rows);
  fillIndicatorChoice(rows);
}

function indicatorTable(table, rows) {
  const body = table.querySelector('tbody');
  body.innerHTML = '';
  rows.forEach(i => {
    const row = body.insertRow();
    const format = v => formatIndicator(i.indicator, v);
    row.insertCell().textContent = i.label + (i.estimated ? ' *' : '');
    row.insertCell().textContent = format(i.value);
    row.insertCell().textContent = i.target === null ? '' : format(i.target);
    const gapCell = row.insertCell();
    gapCell.textContent = i.met === null ? '' : i.met ? t('met') : i.gap.text;
    gapCell.className = i.met === null ? '' : i.met ? 'met' : 'missed';
  });
}

/** The areas of the chosen level coloured by the chosen indicator against its target, on each map for what it shows. */
async function choropleth() {
  const drawn = [paintAreas(state.map, leftScenario())];
  if (state.after) { drawn.push(paintAreas(state.after.map, state.after.name)); }
  state.counts.choropleth = (await Promise.all(drawn))[0];
}

/** Feature state of the area tiles: each area's value of the chosen indicator over its target; the areas coloured. */
async function paintAreas(map, scenario) {
  const nodes = await everyNode(/* GraphQL */ `query MapChoropleth($set: TargetSetId!, $level: AreaLevel, $p: CoverageParameters,
      $after: String) { indicators(targetSet: $set, level: $level, parameters: $p) { areas(first: 500, after: $after) {
      nodes { area { code } indicators { indicator value target } } pageInfo { endCursor hasNextPage } } } }`,
    { set: $('target-set').value, level: $('area-level').value || null, p: parameters(scenario, true) },
    data => data.indicators.areas);
  const chosen = $('choropleth').value, level = $('area-level').value;
  map.removeFeatureState({ source: 'areas', sourceLayer: 'areas' });
  map.setFilter('areas-fill', level ? ['==', ['get', 'level'], level] : null);
  let coloured = 0;
  nodes.filter(n => n.area).forEach(n => {
    const i = n.indicators.find(x => x.indicator === chosen);
    if (i && i.value !== null && i.target) {
      map.setFeatureState({ source: 'areas', sourceLayer: 'areas', id: n.area.code }, { attainment: i.value / i.target });
      coloured++;
    }
  });
  return coloured;
}

/** An area's indicators in the panel, with a bar per targeted indicator (value against target), and its gaps. */
async function areaDetail(code) {
  const data = await gql(/* GraphQL */ `query MapAreaIndicators($set: TargetSetId!, $code: String, $language: Language!,
      $p: CoverageParameters) { indicators(targetSet: $set, areaCode: $code, parameters: $p) { areas(first: 1) { nodes { area { name }
      indicators { indicator label(language: $language) value target met gap { text(language: $language) } estimated } } } } }`,
    { set: $('target-set').value, code, language: state.language.toUpperCase(), p: parameters(state.scenario, true) });
  const area = data.indicators.areas.nodes[0];
  if (!area) { return; }
  $('area-detail').hidden = false;
  $('area-name').textContent = area.area.name;
  indicatorTable($('area-table'), area.indicators);
  $('area-chart').innerHTML = chart(area.indicators.filter(i => i.target && i.value !== null));
  listGaps($('area-gaps'), state.gaps.filter(g => g.area && g.area.code === code).slice(0, 5));
}

/** Bars of value against target (the line at 100%), in SVG, colour-blind safe (met: dark, not met: orange). */
function chart(rows) {
  const width = 300, bar = 16, gap = 22, full = 150, left = 140;
  const bars = rows.map((i, n) => {
    const share = Math.min(1.5, i.value / i.target), y = 4 + n * gap;
    return `<text x="0" y="${y + 12}" font-size="11">${escape(i.label.length > 14 ? i.label.slice(0, 13) + '…' : i.label)}</text>`
      + `<rect x="${left}" y="${y}" width="${(full * share / 1.5).toFixed(1)}" height="${bar}" fill="${i.met ? '#542788' : '#f1a340'}">`
      + `<title>${escape(i.label)}: ${formatIndicator(i.indicator, i.value)} / ${formatIndicator(i.indicator, i.target)}</title></rect>`;
  }).join('');
  const target = left + full / 1.5;
  return `<svg role="img" viewBox="0 0 ${width} ${rows.length * gap + 8}" width="100%">${bars}`
    + `<line x1="${target}" x2="${target}" y1="0" y2="${rows.length * gap + 6}" stroke="#000" stroke-dasharray="3 2"/></svg>`;
}

// --- scenarios -----------------------------------------------------------------------------------------------------

function addProposal(site) {
  state.proposed.push(site);
  const element = document.createElement('div');
  element.className = 'proposed-site';
  element.tabIndex = 0;
  element.title = t('proposed');
  element.textContent = '+';
  site.marker = new maplibregl.Marker({ element, draggable: true }).setLngLat([site.lng, site.lat]).addTo(state.map);
  site.marker.on('dragend', () => { const at = site.marker.getLngLat(); site.lng = at.lng; site.lat = at.lat; });
  element.addEventListener('click', event => { event.stopPropagation(); proposalPopup(site); });
  element.addEventListener('keydown', event => { if (event.key === 'Enter') { proposalPopup(site); } });
  state.counts.proposed = state.proposed.length;
}

function proposalPopup(site) {
  const box = popup([site.lng, site.lat], `<b>${t('proposed')}</b><br><label>${t('slots')} <input class="site-slots" type="number"`
    + ` min="1" max="500" value="${site.slots}"></label><br><button type="button" class="remove-site">${t('removeSite')}</button>`);
  const element = box.getElement();
  element.querySelector('.site-slots').onchange = e => { site.slots = Math.max(1, Math.min(500, Number(e.target.value) || 1)); };
  element.querySelector('.remove-site').onclick = () => {
    removeProposal(site);
    box.remove();
  };
}

function removeProposal(site) {
  site.marker.remove();
  state.proposed.splice(state.proposed.indexOf(site), 1);
  state.counts.proposed = state.proposed.length;
}

async function renameScenario() {
  const name = $('scenario-list').value, newName = $('scenario-name').value.trim();
  if (!name || !newName || name === newName) { return; }
  payload((await gql(/* GraphQL */ `mutation MapRenameScenario($name: String!, $newName: String!, $version: Int!) {
      renameScenario(name: $name, newName: $newName, version: $version) { scenario { name } userErrors { field message code } } }`,
  { name, newName, version: state.stored[name].version }, true)).renameScenario);
  closeSwipe();
  await chooseScenario(newName);
}

/** Slots split over the three age groups as the national standard's class sizes weigh them (infants 10, toddlers 15, older 20). */
function classGroups(slots) {
  const infants = Math.round(slots * 10 / 45), toddlers = Math.round(slots * 15 / 45);
  return [{ ageGroup: 'INFANT', slots: infants }, { ageGroup: 'TODDLER', slots: toddlers },
    { ageGroup: 'OLDER_TODDLER', slots: slots - infants - toddlers }].filter(g => g.slots > 0);
}

/** The scenarios to choose from: the logged-in planner's own, or everyone's (with who saved them) before a login is given. */
async function scenarios() {
  const savedBy = $('user').value.trim() || null;
  const nodes = await everyNode(/* GraphQL */ `query MapScenarios($after: String, $savedBy: String) { scenarios(first: 500,
      after: $after, savedBy: $savedBy) { nodes { name proposed version savedBy proposedSites { name location slots } }
      pageInfo { endCursor hasNextPage } } }`, { savedBy }, data => data.scenarios);
  listScenarios($('scenario-list'), nodes, s => `${s.name} (+${s.proposed}${savedBy || !s.savedBy ? '' : ', ' + s.savedBy})`);
  $('scenario-list').value = state.scenario || '';
  const against = $('against'), held = against.value;
  listScenarios(against, nodes, s => s.name);
  against.value = nodes.some(s => s.name === held) ? held : '';
  state.stored = Object.fromEntries(nodes.map(s => [s.name, s]));
}

/** Today, then each stored scenario as {@code label} words it, as the choices of a list. */
function listScenarios(select, nodes, label) {
  select.innerHTML = '';
  select.add(new Option(`— ${t('before')} —`, ''));
  nodes.forEach(s => select.add(new Option(label(s), s.name)));
}

function scenarioName() {
  const name = $('scenario-name').value.trim();
  return name || `${$('user').value || 'planner'}-${t('newScenario')}`.replace(/\s+/g, '-');
}

async function compare() {
  if (!state.proposed.length) { throw new Error(t('clickMap')); }
  const name = scenarioName();
  await scenarios();
  payload((await gql(/* GraphQL */ `mutation MapSaveScenario($input: ScenarioInput!, $version: Int) {
      saveScenario(input: $input, version: $version) { scenario { name } userErrors { field message code } } }`, {
    version: state.stored[name] ? state.stored[name].version : null, input: { name,
      proposed: state.proposed.map((p, n) => ({ name: p.name || `${t('proposed')} ${n + 1}`, location: { type: 'Point',
        coordinates: [p.lng, p.lat] }, ownership: 'PUBLIC', kind: 'COMMUNITY', inclusive: true, classGroups: classGroups(p.slots) })) } },
  true)).saveScenario);
  $('scenario-name').value = name;
  const against = $('against').value || null;
  const data = await gql(/* GraphQL */ `query MapCompareScenario($name: String!, $against: String, $set: TargetSetId!,
      $language: Language!, $p: CoverageParameters) { compareScenario(scenario: $name, against: $against, targetSet: $set,
      parameters: $p) { limits { minutes childrenWantingPlaceCoveredBefore childrenWantingPlaceCoveredAfter
      childrenNewlyCovered } indicators { indicator label(language: $language) before after } } }`,
    { name, against, set: $('target-set').value, language: state.language.toUpperCase(), p: parameters() });
  state.sides = { before: against, after: name };
  nameSides();
  const result = data.compareScenario;
  $('planning-result').innerHTML = result.limits.map(l => `${l.minutes} ${t('within')}: ${t('newly')} `
    + `<b id="newly-${limitKey(l.minutes)}">${l.childrenNewlyCovered.toFixed(1)}</b> (${l.childrenWantingPlaceCoveredBefore.toFixed(0)} → `
    + `${l.childrenWantingPlaceCoveredAfter.toFixed(0)})`).join('<br>');
  $('comparison-table').hidden = false;
  const body = $('comparison-table').querySelector('tbody');
  body.innerHTML = '';
  result.indicators.forEach(i => {
    const row = body.insertRow();
    row.insertCell().textContent = i.label;
    row.insertCell().textContent = formatIndicator(i.indicator, i.before);
    row.insertCell().textContent = formatIndicator(i.indicator, i.after);
    row.className = i.before === i.after ? '' : 'changed';
  });
  await chooseScenario(name);
  swipe(name, against);
}

/** The two sides of the last comparison, in the table's columns and over the swipe: what it is compared with, and the scenario. */
function nameSides() {
  const sides = state.sides || {};
  document.querySelectorAll('.side-before').forEach(el => { el.textContent = sides.before || t('before'); });
  document.querySelectorAll('.side-after').forEach(el => { el.textContent = sides.after || t('after'); });
}

/** The scenario the main map draws: while swiping the one compared with (null: today), else the one chosen. */
function leftScenario() {
  return state.after ? state.after.against : state.scenario;
}

/** The scenario the map and the panel show (null: today). */
async function chooseScenario(name) {
  state.scenario = name || null;
  await scenarios();
  // its proposed sites become the proposals to edit (today has none)
  [...state.proposed].forEach(site => removeProposal(site));
  (name && state.stored[name] ? state.stored[name].proposedSites : []).forEach(site => addProposal({
    lng: site.location.coordinates[0], lat: site.location.coordinates[1], slots: site.slots, name: site.name }));
  $('scenario-name').value = name || '';
  retile(state.map, state.scenario);
  writeAddress();
  await Promise.all([summary(), gaps(), indicators().then(choropleth)]);
}

async function deleteScenario() {
  const name = $('scenario-list').value;
  if (!name) { return; }
  payload((await gql(/* GraphQL */ `mutation MapDeleteScenario($name: String!) { deleteScenario(name: $name) {
      userErrors { field message code } } }`, { name }, true)).deleteScenario);
  closeSwipe();
  await chooseScenario(null);
}

// What it is compared with (today or another scenario) on the left, the scenario on the right of a handle dragged across: a
// second map on top, clipped, moving with the first.
function swipe(name, against) {
  closeSwipe();
  const container = $('map-after');
  container.hidden = false;
  const after = createMap(container, name, state.basemap, state.map.getBounds());
  after.jumpTo({ center: state.map.getCenter(), zoom: state.map.getZoom() });
  state.after = { map: after, name, against,
    follow: () => after.jumpTo({ center: state.map.getCenter(), zoom: state.map.getZoom() }) };
  after.on('load', () => {
    retile(state.map, against);
    applyVisibility(after);
    choropleth().catch(report);
  });
  state.map.on('move', state.after.follow);
  after.on('error', event => report(event.error || event));
  const handle = $('swipe');
  handle.hidden = $('swipe-labels').hidden = false;
  const clip = () => { container.style.clipPath = `inset(0 0 0 ${handle.value}%)`; };
  handle.oninput = clip;
  clip();
}

function closeSwipe() {
  if (!state.after) { return; }
  state.map.off('move', state.after.follow);
  state.after.map.remove();
  $('map-after').hidden = $('swipe').hidden = $('swipe-labels').hidden = true;
  state.after = null;
}

async function suggest() {
  const data = await gql(/* GraphQL */ `query MapSuggestSites($input: SiteSuggestionInput!) { suggestSites(input: $input, first: 500) {
      sites { nodes { rank location childrenNewlyCovered childrenWantingPlaceCoveredShare openingIncentive } } } }`,
    { input: { sites: Number($('site-count').value), parameters: parameters(state.scenario) } });
  const sites = state.suggested = data.suggestSites.sites.nodes;
  state.map.getSource('suggested').setData({ type: 'FeatureCollection', features: sites.map(s => ({ type: 'Feature',
    geometry: s.location, properties: { rank: s.rank, newly: s.childrenNewlyCovered, share: s.childrenWantingPlaceCoveredShare,
      incentive: s.openingIncentive } })) });
  state.counts.suggested = sites.length;
  // listed as buttons too, so a keyboard adds them as a click on the map does
  const result = $('planning-result');
  result.innerHTML = '';
  sites.forEach(s => {
    const line = document.createElement('div'), add = document.createElement('button');
    line.textContent = `#${s.rank}: +${s.childrenNewlyCovered.toFixed(1)} → ${(100 * s.childrenWantingPlaceCoveredShare).toFixed(1)}% `;
    add.type = 'button';
    add.textContent = t('addToScenario');
    add.onclick = () => addProposal({ lng: s.location.coordinates[0], lat: s.location.coordinates[1], slots: 60 });
    line.appendChild(add);
    result.appendChild(line);
  });
}

function suggestionPopup(feature) {
  const s = feature.properties, [lng, lat] = feature.geometry.coordinates;
  const box = popup([lng, lat], `#${s.rank}: +${Number(s.newly).toFixed(1)} ${t('children')} (${(100 * s.share).toFixed(1)}%), `
    + `${s.incentive} ${t('yuan')}<br><button type="button" class="add-suggestion">${t('addToScenario')}</button>`);
  box.getElement().querySelector('.add-suggestion').onclick = () => { addProposal({ lng, lat, slots: 60 }); box.remove(); };
}

// --- the page ------------------------------------------------------------------------------------------------------

function report(error) {
  state.errors.push(String(error.message || error));
  $('planning-result').textContent = String(error.message || error);
}

function translate() {
  document.documentElement.lang = state.language;
  document.querySelectorAll('[data-text]').forEach(el => { el.textContent = t(el.dataset.text); });
  document.querySelectorAll('[data-placeholder]').forEach(el => { el.placeholder = t(el.dataset.placeholder); });
  document.querySelectorAll('[data-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.label)));
  $('language').textContent = t('language');
  drawLegend();
  nameSides();
  if (state.map) { credit(state.map); state.north.update(); writeStatuses(); }
}

async function panel() {
  await Promise.all([summary(), gaps(), indicators().then(choropleth), scenarios()]);
}

/** The configured online basemap, or null; a GCJ-02 one is drawn through the gcj02 protocol, moved under the layers. */
function basemap(settings) {
  if (!settings.tileUrl) { return null; }
  const url = settings.tileUrl.startsWith('/') ? location.origin + settings.tileUrl : settings.tileUrl;
  return { url: settings.tileDatum === 'GCJ02' ? gcj02Basemap(maplibregl, url) : url, attribution: settings.tileAttribution };
}

async function start() {
  readSettings();
  translate();
  state.basemap = basemap(await (await fetch('/map/settings.json')).json());
  const bounds = await extent();
  state.map = createMap('map', state.scenario, state.basemap, bounds);
  if (state.view) { state.map.jumpTo({ center: [state.view[0], state.view[1]], zoom: state.view[2] }); }
  addControls(state.map);
  watchLayers(state.map);
  await new Promise(resolve => state.map.on('load', resolve));
  applyVisibility(state.map);
  document.querySelectorAll('[data-layer]').forEach(box => box.onchange = () => {
    applyVisibility(state.map);
    if (state.after) { applyVisibility(state.after.map); }
  });
  state.map.on('click', onMapClick);
  // proposing from the keyboard: Enter on the focused map puts a site at its centre
  state.map.getCanvas().addEventListener('keydown', event => {
    if (event.key === 'Enter' && document.body.classList.contains('proposing')) {
      const centre = state.map.getCenter();
      addProposal({ lng: centre.lng, lat: centre.lat, slots: 60 });
    }
  });
  $('language').onclick = () => {
    const kept = [$('target-set').value, $('area').value, $('area-level').value, $('choropleth').value];
    state.language = state.language === 'zh' ? 'en' : 'zh';
    translate();
    // the selects' names are in the language too: made again, keeping what was chosen
    choices(kept).then(() => Promise.all([gaps(), indicators(), summary(), scenarios()])).catch(report);
  };
  document.querySelectorAll('#settings input, #settings select').forEach(field => field.onchange = () => {
    writeSettings();
    drawLegend();
    retile(state.map, leftScenario());
    if (state.after) { retile(state.after.map, state.after.name); }
    panel().catch(report);
  });
  $('target-set').onchange = () => indicators().then(choropleth).catch(report);
  $('area').onchange = () => indicators().catch(report);
  $('choropleth').onchange = $('area-level').onchange = () => choropleth().catch(report);
  $('print').onclick = () => window.print();
  $('propose').onclick = () => $('propose').setAttribute('aria-pressed', document.body.classList.toggle('proposing'));
  $('compare').onclick = () => compare().catch(report);
  $('suggest').onclick = () => suggest().catch(report);
  $('scenario-list').onchange = () => { closeSwipe(); chooseScenario($('scenario-list').value).catch(report); };
  $('delete-scenario').onclick = () => deleteScenario().catch(report);
  $('rename-scenario').onclick = () => renameScenario().catch(report);
  $('user').onchange = () => scenarios().catch(report);
  await choices();
  // a scenario in the address opens with its proposals to edit
  await (state.scenario ? chooseScenario(state.scenario) : panel());
  await new Promise(resolve => (state.idle && state.map.loaded() ? resolve() : state.map.once('idle', resolve)));
  document.body.dataset.ready = 'true';
}

start().catch(error => { report(error); document.body.dataset.ready = 'error'; });
