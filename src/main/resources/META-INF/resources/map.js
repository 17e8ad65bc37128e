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
    login: '保存方案需要规划员登录', walk: '平均步行', minutes: '分钟', slots: '托位', enrolled: '在托', grade: '等级',
    inclusive: '普惠', estimated: '估算', yuan: '元', user: '用户名', password: '密码',
    osm: '街道与托育机构数据 © OpenStreetMap 贡献者（ODbL）', loggedIn: '已登录：', wrongLogin: '用户名或密码错误',
    notPlanner: '该用户不是规划员', print: '打印报告', settings: '步行与需求', speed: '步行速度（公里/小时）', profile: '步行方式',
    'profile.FOOT': '步行', 'profile.STROLLER': '推婴儿车', takeUp: '入托意愿（0–1）', capacityMode: '托位计算',
    'capacity.SLOTS': '全部托位', 'capacity.FREE_PLACES': '空余托位（托位减在托）', streets: '街道', loading: '加载中…', failed: '加载失败',
    legend: '图例', legendInclusive: '普惠托育机构（圆点大小表示托位数）', legendPublic: '公办、公建民营机构',
    legendPrivate: '民办机构', legend5: '5分钟步行服务圈', legend15: '15分钟步行服务圈',
    legendMinutes: '步行到最近机构：5分钟内、15分钟内、超过15分钟、无法到达',
    legendChildren: '颜色越深，网格内3岁以下婴幼儿（或无托位者）越多', legendGap: '覆盖缺口：相邻的未覆盖网格',
    legendEstimated: '* 估算值：由建筑物或统计总数推算，见估算方法',
    'kind.STANDALONE': '独立托育机构', 'kind.KINDERGARTEN_NURSERY': '幼儿园托班', 'kind.EMPLOYER': '用人单位办托',
    'kind.COMMUNITY': '社区托育点', 'kind.MEDICAL_CARE': '医育结合', 'kind.FAMILY': '家庭托育点',
    'ownership.PUBLIC': '公办', 'ownership.PUBLIC_BUILT_PRIVATELY_RUN': '公建民营', 'ownership.PRIVATE_PUBLICLY_AIDED': '民办公助',
    'ownership.PRIVATE': '民办', 'age.INFANT': '乳儿班', 'age.TODDLER': '托小班', 'age.OLDER_TODDLER': '托大班',
    'level.DISTRICT': '区县', 'level.SUBDISTRICT': '街道', 'level.TOWN': '镇', 'level.COMMUNITY': '社区'
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
    login: 'Saving a scenario needs the planner login', walk: 'walk on average', minutes: 'min', slots: 'slots',
    enrolled: 'enrolled', grade: 'grade', inclusive: 'inclusive', estimated: 'estimated', yuan: 'CNY', user: 'planner',
    password: 'password', osm: 'Streets and institutions © OpenStreetMap contributors (ODbL)', loggedIn: 'logged in: ',
    wrongLogin: 'wrong user or password', notPlanner: 'this user is not a planner', print: 'Print report',
    settings: 'Walking and demand',
    speed: 'Walking speed (km/h)', profile: 'Walking with', 'profile.FOOT': 'on foot', 'profile.STROLLER': 'a stroller',
    takeUp: 'Take-up rate (0–1)', capacityMode: 'Capacity', 'capacity.SLOTS': 'all slots',
    'capacity.FREE_PLACES': 'free places (slots − enrolled)', streets: 'Streets',
    loading: 'loading…', failed: 'failed', legend: 'Legend',
    legendInclusive: 'Inclusive institution (size: slots)', legendPublic: 'Public or public-built institution',
    legendPrivate: 'Private institution', legend5: '5-minute walking circle', legend15: '15-minute walking circle',
    legendMinutes: 'Walk to the nearest institution: within 5 min, within 15, longer, none reachable',
    legendChildren: 'Darker: more children under 3 (or without a place) in the cell',
    legendGap: 'Gap area: neighbouring uncovered cells',
    legendEstimated: '* estimated: derived from buildings or published totals, see the method',
    'kind.STANDALONE': 'standalone centre', 'kind.KINDERGARTEN_NURSERY': 'kindergarten nursery', 'kind.EMPLOYER': 'employer',
    'kind.COMMUNITY': 'community', 'kind.MEDICAL_CARE': 'with a health service', 'kind.FAMILY': 'family',
    'ownership.PUBLIC': 'public', 'ownership.PUBLIC_BUILT_PRIVATELY_RUN': 'public-built, privately run',
    'ownership.PRIVATE_PUBLICLY_AIDED': 'private, publicly aided', 'ownership.PRIVATE': 'private',
    'age.INFANT': 'infants', 'age.TODDLER': 'toddlers', 'age.OLDER_TODDLER': 'older toddlers',
    'level.DISTRICT': 'district', 'level.SUBDISTRICT': 'subdistrict', 'level.TOWN': 'town', 'level.COMMUNITY': 'community'
  }
};

const KIND_LETTER = { STANDALONE: 'S', KINDERGARTEN_NURSERY: 'K', EMPLOYER: 'E', COMMUNITY: 'C', MEDICAL_CARE: 'M',
  FAMILY: 'F' };
const state = { language: 'zh', layers: {}, counts: {}, proposed: [], box: null, errors: [] };
const map = L.map('map', { preferCanvas: true });
L.control.scale({ imperial: false }).addTo(map);
window.careCircle = state;

function t(key) { return TEXT[state.language][key] || key; }

// the streets and the estimates come from OpenStreetMap, whose licence (ODbL) asks for this credit
let credit = null;

function translate() {
  document.documentElement.lang = state.language;
  if (credit) { map.attributionControl.removeAttribution(credit); }
  credit = `<a href="https://www.openstreetmap.org/copyright">${t('osm')}</a>`;
  map.attributionControl.addAttribution(credit);
  document.querySelectorAll('[data-text]').forEach(el => { el.textContent = t(el.dataset.text); });
  document.querySelectorAll('[data-placeholder]').forEach(el => { el.placeholder = t(el.dataset.placeholder); });
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
  if (asPlanner) { showLogin(response.status, body); }
  if (body.errors) { throw new Error(body.errors.map(e => e.message).join('; ')); }
  return body.data;
}

// the login's state beside its form: who is logged in, or why not (the service never asks the browser for a login)
function showLogin(httpStatus, body) {
  const element = document.getElementById('login-state');
  const code = body.errors && body.errors[0].extensions ? body.errors[0].extensions.code : null;
  const refused = httpStatus === 401 || code === 'UNAUTHENTICATED' ? t('wrongLogin') : code === 'FORBIDDEN' ? t('notPlanner') : null;
  element.textContent = refused || t('loggedIn') + document.getElementById('user').value;
  element.classList.toggle('failed', refused !== null);
  if (refused) { throw new Error(refused); }
}

// Walking and demand settings: every figure and layer follows them, and the page's address holds them (a link
// reproduces the view). Defaults are the service's own.
const DEFAULTS = { speed: 4.5, profile: 'FOOT', takeUp: 0.24, capacity: 'SLOTS' };

function readSettings() {
  const query = new URLSearchParams(location.search);
  state.settings = { speed: Number(query.get('speed') || DEFAULTS.speed), profile: query.get('profile') || DEFAULTS.profile,
    takeUp: Number(query.get('takeUp') || DEFAULTS.takeUp), capacity: query.get('capacity') || DEFAULTS.capacity };
  document.getElementById('speed').value = state.settings.speed;
  document.getElementById('profile').value = state.settings.profile;
  document.getElementById('take-up').value = state.settings.takeUp;
  document.getElementById('capacity-mode').value = state.settings.capacity;
}

function writeSettings() {
  state.settings = { speed: Number(document.getElementById('speed').value), profile: document.getElementById('profile').value,
    takeUp: Number(document.getElementById('take-up').value), capacity: document.getElementById('capacity-mode').value };
  const query = new URLSearchParams(location.search);
  Object.entries(state.settings).forEach(([key, value]) => query.set(key, value));
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

/** CoverageParameters of the settings, with a scenario when given. */
function parameters(scenario) {
  const s = state.settings;
  return { speedKmh: s.speed, profile: s.profile, takeUpRate: s.takeUp, capacity: s.capacity, scenario: scenario || null };
}

function boxInput() {
  const b = state.box;
  return { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() };
}

function show(name, layer, count) {
  if (state.layers[name]) { map.removeLayer(state.layers[name]); }
  state.layers[name] = layer;
  state.counts[name] = count;
  status(name, String(count), false);
  const box = document.querySelector(`[data-layer="${name}"]`);
  if (!box || box.checked) { layer.addTo(map); }
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

async function extent() {
  const data = await gql('{ areas(level: DISTRICT) { nodes { boundary } } institutions(first: 500) { nodes { location } } }');
  const shapes = data.areas.nodes.map(a => a.boundary).concat(data.institutions.nodes.map(i => i.location));
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
    const groups = () => i.classGroups.map(g => `${t('age.' + g.ageGroup)}: ${g.enrolled}/${g.slots}`).join('<br>');
    // the kind's initial in a disc coloured by ownership and inclusiveness, as large as the slots
    const size = Math.round(14 + 2 * Math.sqrt(i.slots));
    const icon = L.divIcon({ className: 'institution', iconSize: [size, size],
      html: `<span style="background:${colour}">${KIND_LETTER[i.kind] || '?'}</span>` });
    L.marker([lat, lon], { icon, title: i.name }).bindPopup(() => `<b>${i.name}</b><br>${t('kind.' + i.kind)}, ${t('ownership.' + i.ownership)}`
      + `${i.inclusive ? ', ' + t('inclusive') : ''}<br>${t('slots')} ${i.slots}, ${t('enrolled')} ${i.enrolled}`
      + `${i.grade ? ', ' + t('grade') + ' ' + i.grade : ''}<br>${groups()}`).addTo(layer);
  });
  show('institutions', layer, data.institutions.nodes.length);
}

async function circles() {
  const data = await gql(/* GraphQL */ `query MapCircles($speed: Float, $profile: WalkingProfile) {
      serviceCircles(minutes: [5, 15], speedKmh: $speed, profile: $profile) }`,
    { speed: state.settings.speed, profile: state.settings.profile });
  const bands = data.serviceCircles.features;
  show('circles', L.geoJSON(data.serviceCircles, { style: f => ({ color: f.properties.limit <= 5 ? '#1a7f37' : '#6aa84f',
    weight: 1, fillOpacity: f.properties.limit <= 5 ? 0.25 : 0.12 }) }), bands.length);
}

function shade(value, max) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return `rgb(${Math.round(255 - 80 * share)}, ${Math.round(240 - 180 * share)}, ${Math.round(200 - 160 * share)})`;
}

async function population() {
  const cells = await everyNode(/* GraphQL */ `query MapPopulationCells($box: BoundingBoxInput!, $after: String) {
      populationCells(boundingBox: $box, first: 500, after: $after) { nodes { cellId boundary childrenUnder3 estimated }
      pageInfo { endCursor hasNextPage } } }`, { box: boxInput() }, data => data.populationCells);
  const max = Math.max(0, ...cells.map(c => c.childrenUnder3));
  const layer = L.layerGroup();
  cells.forEach(c => L.geoJSON(c.boundary, { style: { weight: 0, fillColor: shade(c.childrenUnder3, max), fillOpacity: 0.6 } })
    .bindTooltip(() => `${c.childrenUnder3.toFixed(1)} ${t('children')}${c.estimated ? ` (${t('estimated')})` : ''}`).addTo(layer));
  show('population', layer, cells.length);
  return cells;
}

async function coverage(cells) {
  const covered = await everyNode(/* GraphQL */ `query MapCoverageCells($box: BoundingBoxInput!, $after: String,
      $p: CoverageParameters) { coverageCells(boundingBox: $box, parameters: $p, first: 500, after: $after) { nodes { cellId minutesToNearest
      limits { minutes within childrenWantingPlaceUncovered } } pageInfo { endCursor hasNextPage } } }`,
    { box: boxInput(), p: parameters() },
    data => data.coverageCells);
  const outline = new Map(cells.map(c => [c.cellId, c.boundary]));
  const layer = L.layerGroup();
  covered.forEach(c => {
    const minutes = c.minutesToNearest;
    const colour = minutes === null ? '#7f0000' : minutes <= 5 ? '#1a7f37' : minutes <= 15 ? '#f1c232' : '#cc0000';
    L.geoJSON(outline.get(c.cellId), { style: { weight: 0, fillColor: colour, fillOpacity: 0.45 } })
      .bindTooltip(() => minutes === null ? '—' : `${minutes.toFixed(1)} ${t('within')}`).addTo(layer);
  });
  show('coverage', layer, covered.length);
  const left = covered.map(c => c.limits[c.limits.length - 1].childrenWantingPlaceUncovered);
  const most = Math.max(0, ...left);
  const capacity = L.layerGroup();
  covered.forEach((c, n) => {
    if (left[n] > 0) {
      L.geoJSON(outline.get(c.cellId), { style: { weight: 0, fillColor: shade(left[n], most), fillOpacity: 0.7 } })
        .bindTooltip(() => `${left[n].toFixed(2)} ${t('children')}`).addTo(capacity);
    }
  });
  show('capacity', capacity, left.filter(v => v > 0).length);
}

async function gaps() {
  const data = await gql(/* GraphQL */ `query MapGapAreas($p: CoverageParameters) { gapAreas(minutes: 15, first: 10, parameters: $p) { gaps { totalCount nodes { rank area { name }
      childrenUncovered meanMinutesToNearest location } } featureCollection } }`, { p: parameters() });
  show('gaps', L.geoJSON(data.gapAreas.featureCollection, { style: { color: '#cc0000', weight: 2, fillOpacity: 0.15,
    dashArray: '4 3' } }), data.gapAreas.featureCollection.features.length);
  const list = document.getElementById('gap-list');
  list.innerHTML = '';
  data.gapAreas.gaps.nodes.forEach(g => {
    const item = document.createElement('li');
    item.textContent = `${g.childrenUncovered.toFixed(0)} ${t('children')}`
      + (g.meanMinutesToNearest === null ? '' : `, ${t('walk')} ${g.meanMinutesToNearest.toFixed(1)} ${t('minutes')}`);
    item.onclick = () => map.setView([g.location.coordinates[1], g.location.coordinates[0]], 17);
    list.appendChild(item);
  });
}

/** The coverage figures of the base or a scenario, written into the panel. */
async function summary(scenario) {
  const data = await gql(/* GraphQL */ `query MapCoverage($p: CoverageParameters) { coverage(parameters: $p) { overall { childrenUnder3
      childrenWantingPlace limits { minutes childrenWithin childrenWantingPlaceCovered } } } }`,
    { p: parameters(scenario) });
  const all = data.coverage.overall;
  document.getElementById('coverage-summary').innerHTML = all.limits.map(l => `${l.minutes} ${t('within')}: ${l.childrenWithin.toFixed(0)} ${t('of')} `
    + `${all.childrenUnder3.toFixed(0)} ${t('children')}; ${l.childrenWantingPlaceCovered.toFixed(0)} ${t('of')} `
    + `${all.childrenWantingPlace.toFixed(0)} ${t('covered')}`).join('<br>');
}

/** Slots per 1,000 residents as a number, every other indicator as a share. */
function formatIndicator(indicator, value) {
  if (value === null) { return '—'; }
  return indicator === 'SLOTS_PER_THOUSAND_RESIDENTS' ? value.toFixed(2) : (100 * value).toFixed(1) + '%';
}

async function indicators(kept) {
  const select = document.getElementById('target-set'), areaSelect = document.getElementById('area');
  if (!select.options.length) {
    const data = await gql(/* GraphQL */ `query MapTargetSets($language: Language!) { targetSets { id name(language: $language) } }`,
      { language: state.language.toUpperCase() });
    const areas = await everyNode(/* GraphQL */ `query MapAreas($after: String) { areas(first: 500, after: $after) {
      nodes { code name level } pageInfo { endCursor hasNextPage } } }`, {}, page => page.areas);
    data.targetSets.forEach(s => select.add(new Option(s.name, s.id)));
    areaSelect.add(new Option(t('all'), ''));
    areas.forEach(a => areaSelect.add(new Option(`${a.name} (${t('level.' + a.level)})`, a.code)));
    select.onchange = areaSelect.onchange = () => indicators().catch(report);
    if (kept) { [select.value, areaSelect.value] = kept; }
  }
  const data = await gql(/* GraphQL */ `query MapIndicators($set: TargetSetId!, $code: String, $language: Language!, $p: CoverageParameters) {
      indicators(targetSet: $set, areaCode: $code, parameters: $p) { areas(first: 1) { nodes { area { name } indicators { indicator
      label(language: $language) value target met gap { text(language: $language) } estimated } } } } }`,
    { set: select.value, code: areaSelect.value || null, language: state.language.toUpperCase(), p: parameters() });
  const body = document.querySelector('#indicator-table tbody');
  body.innerHTML = '';
  const area = data.indicators.areas.nodes[0];
  (area ? area.indicators : []).forEach(i => {
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

async function compare() {
  if (!state.proposed.length) { throw new Error(t('clickMap')); }
  // the map's own scenario is replaced at the version it holds (saves are refused on a stale version)
  const held = (await gql(/* GraphQL */ `query MapScenario { node(id: "Scenario:map") { ... on Scenario { version } } }`)).node;
  const saved = await gql(/* GraphQL */ `mutation MapSaveScenario($input: ScenarioInput!, $version: Int) {
      saveScenario(input: $input, version: $version) { scenario { name } userErrors { field message code } } }`, {
    version: held ? held.version : null, input: { name: 'map',
    proposed: state.proposed.map((p, n) => ({ name: `${t('proposed')} ${n + 1}`, location: { type: 'Point',
      coordinates: [p.lng, p.lat] }, ownership: 'PUBLIC', kind: 'COMMUNITY', inclusive: true,
      classGroups: [{ ageGroup: 'INFANT', slots: 10 }, { ageGroup: 'TODDLER', slots: 20 },
        { ageGroup: 'OLDER_TODDLER', slots: 30 }] })) } }, true);
  if (saved.saveScenario.userErrors.length) {
    throw new Error(saved.saveScenario.userErrors.map(e => `${e.field ?? ''} ${e.message}`).join('; '));
  }
  const data = await gql(/* GraphQL */ `query MapCompareScenario($set: TargetSetId!, $language: Language!, $p: CoverageParameters) {
      compareScenario(scenario: "map", targetSet: $set, parameters: $p) { limits { minutes childrenWantingPlaceCoveredBefore
      childrenWantingPlaceCoveredAfter childrenNewlyCovered } indicators { indicator label(language: $language) before after } } }`,
    { set: document.getElementById('target-set').value, language: state.language.toUpperCase(), p: parameters() });
  const lines = data.compareScenario.limits.map(l => `${l.minutes} ${t('within')}: ${t('newly')} `
    + `<b id="newly-${l.minutes}">${l.childrenNewlyCovered.toFixed(1)}</b> (${l.childrenWantingPlaceCoveredBefore.toFixed(0)} → ${l.childrenWantingPlaceCoveredAfter.toFixed(0)})`);
  data.compareScenario.indicators.filter(i => i.before !== i.after).forEach(i =>
    lines.push(`${i.label}: ${formatIndicator(i.indicator, i.before)} → `
      + formatIndicator(i.indicator, i.after)));
  document.getElementById('planning-result').innerHTML = lines.join('<br>');
  await summary('map');
}

async function suggest() {
  const data = await gql(/* GraphQL */ `query MapSuggestSites($input: SiteSuggestionInput!) { suggestSites(input: $input, first: 500) {
      sites { nodes { rank location childrenNewlyCovered childrenWantingPlaceCoveredShare openingIncentive } } } }`,
    { input: { sites: Number(document.getElementById('site-count').value), parameters: parameters() } });
  const layer = L.layerGroup();
  data.suggestSites.sites.nodes.forEach(s => L.marker([s.location.coordinates[1], s.location.coordinates[0]], { title: `#${s.rank}` })
    .bindPopup(() => `#${s.rank}: +${s.childrenNewlyCovered.toFixed(1)} (${(100 * s.childrenWantingPlaceCoveredShare).toFixed(1)}%), `
      + `${s.openingIncentive} ${t('yuan')}`).addTo(layer));
  show('suggested', layer, data.suggestSites.sites.nodes.length);
  document.getElementById('planning-result').innerHTML = data.suggestSites.sites.nodes.map(s =>
    `#${s.rank}: +${s.childrenNewlyCovered.toFixed(1)} → ${(100 * s.childrenWantingPlaceCoveredShare).toFixed(1)}%`).join('<br>');
}

function status(name, text, failed) {
  const element = document.querySelector(`[data-status="${name}"]`);
  if (element) {
    element.textContent = text;
    element.classList.toggle('failed', failed);
  }
}

// One layer (or panel part) at a time: loading shows beside it, and a failure stays beside it, the others go on.
async function load(name, loader) {
  status(name, t('loading'), false);
  try {
    await loader();
  } catch (error) {
    state.errors.push(`${name}: ${error.message || error}`);
    status(name, `${t('failed')}: ${error.message || error}`, true);
  }
}

function report(error) {
  state.errors.push(String(error.message || error));
  document.getElementById('planning-result').textContent = String(error.message || error);
}

const LOADERS = { streets, institutions, circles, gaps };

async function start() {
  translate();
  document.getElementById('language').onclick = () => {
    state.language = state.language === 'zh' ? 'en' : 'zh';
    translate();
    // the selects' names are in the language too: made again, keeping what was chosen
    const kept = [document.getElementById('target-set').value, document.getElementById('area').value];
    document.getElementById('target-set').innerHTML = document.getElementById('area').innerHTML = '';
    // popups and tooltips are written when shown; the panel's figures are written again
    Promise.all([gaps(), indicators(kept), summary(null)]).catch(report);
  };
  readSettings();
  document.querySelectorAll('#settings input, #settings select').forEach(field => field.onchange = () => {
    writeSettings();
    Promise.all([load('circles', circles), load('coverage', () => coverage(state.cells)), load('gaps', gaps),
      indicators().catch(report), summary(null)]).catch(report);
  });
  document.querySelectorAll('[data-layer]').forEach(box => box.onchange = () => {
    const layer = state.layers[box.dataset.layer];
    if (layer) { box.checked ? layer.addTo(map) : map.removeLayer(layer); }
  });
  document.getElementById('print').onclick = () => window.print();
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
  // coverage draws on the cells' outlines: it waits for them, the other layers do not
  const cells = load('population', async () => { state.cells = await population(); });
  state.reload = name => load(name, LOADERS[name]);
  await Promise.all([load('streets', streets), load('institutions', institutions), load('circles', circles),
    cells.then(() => load('coverage', () => {
      if (!state.cells) { throw new Error(`${t('population')}: ${t('failed')}`); }
      return coverage(state.cells);
    })), load('gaps', gaps),
    indicators().catch(report)]);
  await summary(null);
  document.body.dataset.ready = 'true';
}

start().catch(error => { report(error); document.body.dataset.ready = 'error'; });
