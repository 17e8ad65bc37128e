// CareCircle's map: every figure comes from the public GraphQL API (/graphql); the README lists the queries.
'use strict';

const TEXT = {
  zh: {
    title: 'CareCircle 托育服务圈', language: 'English', layers: '图层', institutions: '托育机构',
    circles: '5/15分钟服务圈', population: '3岁以下婴幼儿', coverage: '步行到最近机构（分钟）', gaps: '覆盖缺口',
    capacity: '15分钟内无托位的婴幼儿', all: '全部',
    summary: '覆盖', gapList: '缺口排名', indicators: '指标', indicator: '指标', value: '数值', target: '目标',
    gap: '差距', planning: '规划', propose: '点击地图新增站点', compare: '比较方案', sites: '站点数', suggest: '建议选址',
    within: '分钟内', children: '名婴幼儿', covered: '有托位', of: '/', met: '达标', missed: '未达标',
    newly: '新增覆盖（含托位）', before: '之前', after: '之后', proposed: '新增站点', clickMap: '请在地图上点击位置',
    login: '保存方案需要规划员登录', walk: '平均步行', minutes: '分钟',
    SLOTS_PER_THOUSAND_RESIDENTS: '每千人口托位数', INCLUSIVE_SHARE: '普惠性托位占比', PUBLIC_SHARE: '公建托位占比',
    UNDER_2_SHARE: '2岁以下托位占比', UTILIZATION: '托位使用率', ENROLLMENT_RATE: '入托率',
    SUBDISTRICT_INCLUSIVE_COVERAGE: '街道普惠性托育机构覆盖率', SUBDISTRICT_INSTITUTION_COVERAGE: '乡镇（街道）托育机构覆盖率',
    LARGE_AREA_PUBLIC_MODEL_COVERAGE: '5万人以上乡镇（街道）公建示范性普惠机构覆盖率', GRADED_SHARE: '等级托育机构覆盖率',
    LIFE_CIRCLE_5_MINUTE_RATE: '5分钟社区生活圈托育设施配置率', SERVICE_CIRCLE_15_MINUTE_COVERAGE: '15分钟托育服务圈覆盖率（含托位）'
  },
  en: {
    title: 'CareCircle childcare circles', language: '中文', layers: 'Layers', institutions: 'Institutions',
    circles: '5/15-minute service circles', population: 'Children under 3', coverage: 'Walk to the nearest (minutes)',
    capacity: 'Wanting a place, none within 15 min', all: 'All',
    gaps: 'Gap areas', summary: 'Coverage', gapList: 'Largest gaps', indicators: 'Indicators', indicator: 'Indicator',
    value: 'Value', target: 'Target', gap: 'Gap', planning: 'Planning', propose: 'Click the map to propose a site',
    compare: 'Compare scenario', sites: 'Sites', suggest: 'Suggest sites', within: 'min', children: 'children',
    covered: 'get a place', of: 'of', met: 'met', missed: 'not met', newly: 'Newly covered (with capacity)',
    before: 'before', after: 'after', proposed: 'Proposed sites', clickMap: 'Click the map where the site goes',
    login: 'Saving a scenario needs the planner login', walk: 'walk on average', minutes: 'min'
  }
};

const KIND_LETTER = { STANDALONE: 'S', KINDERGARTEN_NURSERY: 'K', EMPLOYER: 'E', COMMUNITY: 'C', MEDICAL_CARE: 'M',
  FAMILY: 'F' };
const state = { language: 'zh', layers: {}, counts: {}, proposed: [], box: null, errors: [] };
const map = L.map('map', { preferCanvas: true });
window.careCircle = state;

function t(key) { return TEXT[state.language][key] || key; }

function translate() {
  document.documentElement.lang = state.language;
  document.querySelectorAll('[data-text]').forEach(el => { el.textContent = t(el.dataset.text); });
  document.getElementById('language').textContent = t('language');
}

async function gql(query, variables, asPlanner) {
  const headers = { 'Content-Type': 'application/json' };
  if (asPlanner) {
    const user = document.getElementById('user').value, password = document.getElementById('password').value;
    if (!user) { throw new Error(t('login')); }
    headers.Authorization = 'Basic ' + btoa(user + ':' + password);
  }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) { throw new Error(body.errors.map(e => e.message).join('; ')); }
  return body.data;
}

function boxInput() {
  const b = state.box;
  return { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
}

function show(name, layer, count) {
  if (state.layers[name]) { map.removeLayer(state.layers[name]); }
  state.layers[name] = layer;
  state.counts[name] = count;
  const box = document.querySelector(`[data-layer="${name}"]`);
  if (!box || box.checked) { layer.addTo(map); }
}

async function extent() {
  const data = await gql('{ areas(level: DISTRICT) { boundary } institutions(first: 500) { nodes { location } } }');
  const shapes = data.areas.map(a => a.boundary).concat(data.institutions.nodes.map(i => i.location));
  const bounds = shapes.length ? L.geoJSON({ type: 'FeatureCollection',
    features: shapes.map(g => ({ type: 'Feature', geometry: g, properties: {} })) }).getBounds() : null;
  return bounds && bounds.isValid() ? bounds : L.latLngBounds([30.756, 103.966], [30.778, 103.997]);
}

async function streets() {
  const b = boxInput();
  const response = await fetch(`/map/streets.geojson?west=${b.west}&south=${b.south}&east=${b.east}&north=${b.north}`);
  const lines = await response.json();
  show('streets', L.geoJSON(lines, { style: f => ({ color: f.properties.steps ? '#a0522d' : '#9a9a9a', weight: 1.5 }) }),
    lines.features.length);
}

async function institutions() {
  const data = await gql(/* GraphQL */ `query MapInstitutions($box: BoundingBoxInput) { institutions(filter: { boundingBox: $box }, first: 500) {
      nodes { id name location kind ownership inclusive grade slots enrolled classGroups { ageGroup slots enrolled } } } }`,
    { box: boxInput() });
  const layer = L.layerGroup();
  data.institutions.nodes.forEach(i => {
    const [lon, lat] = i.location.coordinates;
    const isPublic = i.ownership === 'PUBLIC' || i.ownership === 'PUBLIC_BUILT_PRIVATELY_RUN';
    const colour = i.inclusive ? '#1a7f37' : isPublic ? '#1f5fbf' : '#b35900';
    const groups = i.classGroups.map(g => `${g.ageGroup}: ${g.enrolled}/${g.slots}`).join('<br>');
    // the kind's initial in a disc coloured by ownership and inclusiveness, as large as the slots
    const size = Math.round(14 + 2 * Math.sqrt(i.slots));
    const icon = L.divIcon({ className: 'institution', iconSize: [size, size],
      html: `<span style="background:${colour}">${KIND_LETTER[i.kind] || '?'}</span>` });
    L.marker([lat, lon], { icon, title: i.name }).bindPopup(`<b>${i.name}</b><br>${i.kind}, ${i.ownership}`
      + `${i.inclusive ? ', inclusive 普惠' : ''}<br>slots ${i.slots}, enrolled ${i.enrolled}`
      + `${i.grade ? ', grade ' + i.grade : ''}<br>${groups}`).addTo(layer);
  });
  show('institutions', layer, data.institutions.nodes.length);
}

async function circles() {
  const data = await gql('{ serviceCircles(minutes: [5, 15]) }');
  const bands = data.serviceCircles.features;
  show('circles', L.geoJSON(data.serviceCircles, { style: f => ({ color: f.properties.limit <= 5 ? '#1a7f37' : '#6aa84f',
    weight: 1, fillOpacity: f.properties.limit <= 5 ? 0.25 : 0.12 }) }), bands.length);
}

function shade(value, max) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return `rgb(${Math.round(255 - 80 * share)}, ${Math.round(240 - 180 * share)}, ${Math.round(200 - 160 * share)})`;
}

async function population() {
  const data = await gql(/* GraphQL */ `query MapPopulationCells($box: BoundingBoxInput!) { populationCells(boundingBox: $box) {
      cellId boundary childrenUnder3 estimated } }`, { box: boxInput() });
  const cells = data.populationCells;
  const max = Math.max(0, ...cells.map(c => c.childrenUnder3));
  const layer = L.layerGroup();
  cells.forEach(c => L.geoJSON(c.boundary, { style: { weight: 0, fillColor: shade(c.childrenUnder3, max), fillOpacity: 0.6 } })
    .bindTooltip(`${c.childrenUnder3.toFixed(1)} ${t('children')}${c.estimated ? ' (estimated)' : ''}`).addTo(layer));
  show('population', layer, cells.length);
  return cells;
}

async function coverage(cells) {
  const data = await gql(/* GraphQL */ `query MapCoverageCells($box: BoundingBoxInput!) { coverageCells(boundingBox: $box) { cellId minutesToNearest
      limits { minutes within childrenWantingPlaceUncovered } } }`, { box: boxInput() });
  const outline = new Map(cells.map(c => [c.cellId, c.boundary]));
  const layer = L.layerGroup();
  data.coverageCells.forEach(c => {
    const minutes = c.minutesToNearest;
    const colour = minutes === null ? '#7f0000' : minutes <= 5 ? '#1a7f37' : minutes <= 15 ? '#f1c232' : '#cc0000';
    L.geoJSON(outline.get(c.cellId), { style: { weight: 0, fillColor: colour, fillOpacity: 0.45 } })
      .bindTooltip(minutes === null ? '—' : `${minutes.toFixed(1)} ${t('within')}`).addTo(layer);
  });
  show('coverage', layer, data.coverageCells.length);
  const left = data.coverageCells.map(c => c.limits[c.limits.length - 1].childrenWantingPlaceUncovered);
  const most = Math.max(0, ...left);
  const capacity = L.layerGroup();
  data.coverageCells.forEach((c, n) => {
    if (left[n] > 0) {
      L.geoJSON(outline.get(c.cellId), { style: { weight: 0, fillColor: shade(left[n], most), fillOpacity: 0.7 } })
        .bindTooltip(`${left[n].toFixed(2)} ${t('children')}`).addTo(capacity);
    }
  });
  show('capacity', capacity, left.filter(v => v > 0).length);
}

async function gaps() {
  const data = await gql(/* GraphQL */ `query MapGapAreas { gapAreas(minutes: 15, first: 10) { gapCount gaps { rank area { name } childrenUncovered
      meanMinutesToNearest location } featureCollection } }`);
  show('gaps', L.geoJSON(data.gapAreas.featureCollection, { style: { color: '#cc0000', weight: 2, fillOpacity: 0.15,
    dashArray: '4 3' } }), data.gapAreas.featureCollection.features.length);
  const list = document.getElementById('gap-list');
  list.innerHTML = '';
  data.gapAreas.gaps.forEach(g => {
    const item = document.createElement('li');
    item.textContent = `${g.childrenUncovered.toFixed(0)} ${t('children')}`
      + (g.meanMinutesToNearest === null ? '' : `, ${t('walk')} ${g.meanMinutesToNearest.toFixed(1)} ${t('minutes')}`);
    item.onclick = () => map.setView([g.location.coordinates[1], g.location.coordinates[0]], 17);
    list.appendChild(item);
  });
}

async function summary(scenario) {
  const data = await gql(/* GraphQL */ `query MapCoverage($p: CoverageParameters) { coverage(parameters: $p) { overall { childrenUnder3
      childrenWantingPlace limits { minutes childrenWithin childrenWantingPlaceCovered } } } }`,
    { p: scenario ? { scenario } : null });
  const all = data.coverage.overall;
  return all.limits.map(l => `${l.minutes} ${t('within')}: ${l.childrenWithin.toFixed(0)} ${t('of')} `
    + `${all.childrenUnder3.toFixed(0)} ${t('children')}; ${l.childrenWantingPlaceCovered.toFixed(0)} ${t('of')} `
    + `${all.childrenWantingPlace.toFixed(0)} ${t('covered')}`).join('<br>');
}

/** Slots per 1,000 residents as a number, every other indicator as a share. */
function formatIndicator(indicator, value) {
  if (value === null) { return '—'; }
  return indicator === 'SLOTS_PER_THOUSAND_RESIDENTS' ? value.toFixed(2) : (100 * value).toFixed(1) + '%';
}

async function indicators() {
  const select = document.getElementById('target-set'), areaSelect = document.getElementById('area');
  if (!select.options.length) {
    const data = await gql('{ targetSets { id name } areas { code name level } }');
    data.targetSets.forEach(s => select.add(new Option(s.id, s.id)));
    areaSelect.add(new Option(t('all'), ''));
    data.areas.forEach(a => areaSelect.add(new Option(`${a.name} (${a.level})`, a.code)));
    select.onchange = areaSelect.onchange = () => indicators().catch(report);
  }
  const data = await gql(/* GraphQL */ `query MapIndicators($set: String!, $code: String) { indicators(targetSet: $set, areaCode: $code) {
      areas { area { name } indicators { indicator label value target met gap estimated } } } }`,
    { set: select.value, code: areaSelect.value || null });
  const body = document.querySelector('#indicator-table tbody');
  body.innerHTML = '';
  const area = data.indicators.areas[0];
  (area ? area.indicators : []).forEach(i => {
    const row = body.insertRow();
    const format = v => formatIndicator(i.indicator, v);
    // Chinese names from the policy documents; English from the API
    row.insertCell().textContent = (state.language === 'zh' ? t(i.indicator) : i.label) + (i.estimated ? ' *' : '');
    row.insertCell().textContent = format(i.value);
    row.insertCell().textContent = i.target === null ? '' : format(i.target);
    const gapCell = row.insertCell();
    gapCell.textContent = i.met === null ? '' : i.met ? t('met') : i.gap;
    gapCell.className = i.met === null ? '' : i.met ? 'met' : 'missed';
  });
}

async function compare() {
  if (!state.proposed.length) { throw new Error(t('clickMap')); }
  // the map's own scenario is replaced at the version it holds (saves are refused on a stale version)
  const held = (await gql(/* GraphQL */ `query MapScenarios { scenarios { name version } }`)).scenarios.find(s => s.name === 'map');
  await gql(/* GraphQL */ `mutation MapSaveScenario($input: ScenarioInput!, $version: Int) { saveScenario(input: $input, version: $version) { name } }`, {
    version: held ? held.version : null, input: { name: 'map',
    proposed: state.proposed.map((p, n) => ({ name: `${t('proposed')} ${n + 1}`, location: { type: 'Point',
      coordinates: [p.lng, p.lat] }, ownership: 'PUBLIC', kind: 'COMMUNITY', inclusive: true,
      classGroups: [{ ageGroup: 'INFANT', slots: 10 }, { ageGroup: 'TODDLER', slots: 20 },
        { ageGroup: 'OLDER_TODDLER', slots: 30 }] })) } }, true);
  const data = await gql(/* GraphQL */ `query MapCompareScenario($set: String!) { compareScenario(scenario: "map", targetSet: $set) { limits { minutes
      childrenWantingPlaceCoveredBefore childrenWantingPlaceCoveredAfter childrenNewlyCovered } indicators { indicator label before after } } }`,
    { set: document.getElementById('target-set').value });
  const lines = data.compareScenario.limits.map(l => `${l.minutes} ${t('within')}: ${t('newly')} `
    + `<b id="newly-${l.minutes}">${l.childrenNewlyCovered.toFixed(1)}</b> (${l.childrenWantingPlaceCoveredBefore.toFixed(0)} → ${l.childrenWantingPlaceCoveredAfter.toFixed(0)})`);
  data.compareScenario.indicators.filter(i => i.before !== i.after).forEach(i =>
    lines.push(`${state.language === 'zh' ? t(i.indicator) : i.label}: ${formatIndicator(i.indicator, i.before)} → `
      + formatIndicator(i.indicator, i.after)));
  document.getElementById('planning-result').innerHTML = lines.join('<br>');
  document.getElementById('coverage-summary').innerHTML = await summary('map');
}

async function suggest() {
  const data = await gql(/* GraphQL */ `query MapSuggestSites($input: SiteSuggestionInput!) { suggestSites(input: $input) { sites { rank location
      childrenNewlyCovered childrenWantingPlaceCoveredShare openingIncentive } } }`,
    { input: { sites: Number(document.getElementById('site-count').value) } });
  const layer = L.layerGroup();
  data.suggestSites.sites.forEach(s => L.marker([s.location.coordinates[1], s.location.coordinates[0]], { title: `#${s.rank}` })
    .bindPopup(`#${s.rank}: +${s.childrenNewlyCovered.toFixed(1)} (${(100 * s.childrenWantingPlaceCoveredShare).toFixed(1)}%), `
      + `${s.openingIncentive} CNY`).addTo(layer));
  show('suggested', layer, data.suggestSites.sites.length);
  document.getElementById('planning-result').innerHTML = data.suggestSites.sites.map(s =>
    `#${s.rank}: +${s.childrenNewlyCovered.toFixed(1)} → ${(100 * s.childrenWantingPlaceCoveredShare).toFixed(1)}%`).join('<br>');
}

function report(error) {
  state.errors.push(String(error.message || error));
  document.getElementById('planning-result').textContent = String(error.message || error);
}

async function start() {
  translate();
  document.getElementById('language').onclick = () => {
    state.language = state.language === 'zh' ? 'en' : 'zh';
    translate();
    Promise.all([gaps(), indicators()]).catch(report);
  };
  document.querySelectorAll('[data-layer]').forEach(box => box.onchange = () => {
    const layer = state.layers[box.dataset.layer];
    if (layer) { box.checked ? layer.addTo(map) : map.removeLayer(layer); }
  });
  document.getElementById('propose').onclick = () => document.body.classList.toggle('proposing');
  document.getElementById('compare').onclick = () => compare().catch(report);
  document.getElementById('suggest').onclick = () => suggest().catch(report);
  map.on('click', e => {
    if (!document.body.classList.contains('proposing')) { return; }
    state.proposed.push(e.latlng);
    L.marker(e.latlng, { title: t('proposed') }).addTo(map);
    state.counts.proposed = state.proposed.length;
  });
  const settings = await (await fetch('/map/settings.json')).json();
  if (settings.tileUrl) {
    L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  state.box = await extent();
  map.fitBounds(state.box);
  await streets();
  // a box with more cells than one call may return leaves those two layers empty, not the page
  const cells = await population().catch(error => { report(error); return null; });
  await Promise.all([institutions(), circles(), cells ? coverage(cells) : null, gaps(), indicators()]);
  document.getElementById('coverage-summary').innerHTML = await summary(null);
  document.body.dataset.ready = 'true';
}

start().catch(error => { report(error); document.body.dataset.ready = 'error'; });
