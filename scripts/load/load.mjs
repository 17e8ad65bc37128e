// Load and fairness runs against a running CareCircle, driven by autocannon (npm). Prints one line per
// run: requests/s, latency p50/p95/p99, non-2xx answers and GraphQL errors.
//   node load.mjs mix 50 60          50 clients for 60 s: institutions 60 %, service circles 30 %, coverage 10 %
//   node load.mjs fairness 4 60      4 clients looping the heaviest request the limits admit, while
//                                    2 clients read one institution: the reads' latency is what matters
// Settings: CARECIRCLE_URL (http://127.0.0.1:8080), CARECIRCLE_PLANNER_PASSWORD (for the planner's reads).
import autocannon from 'autocannon';

const base = process.env.CARECIRCLE_URL ?? 'http://127.0.0.1:8080';
const [mode = 'mix', clients = '50', seconds = '60'] = process.argv.slice(2);

const post = (query, variables = {}) => ({
  method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

async function graphql(query) {
  const response = await fetch(base + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// places to ask about: the institutions held, and where they are
const { institutions } = await graphql('{ institutions(first: 50) { nodes { id location } } }');
if (!institutions.nodes.length) throw new Error('no institution held: start the main job (scripts/run.sh) first');
const places = institutions.nodes.map(n => ({ id: n.id, coordinates: n.location.coordinates }));
const pick = i => places[i % places.length];

const read = i => post('query($id: ID!) { institution(id: $id) { name slots enrolled } }', { id: pick(i).id });
const list = i => post('query($after: String) { institutions(first: 20, after: $after) { totalCount nodes { id name slots } } }', {});
const circle = i => post(`query($p: GeoJSONPoint!) { serviceCircle(origin: {point: $p}, minutes: [5, 15]) }`,
  { p: { type: 'Point', coordinates: pick(i).coordinates } });
const coverage = () => post('{ coverage { overall { childrenUnder3 limits { minutes childrenWithin } } } }');

// the heaviest request the limits admit: as many 60-minute circles as the budget allows (5 of 200: an hour-long circle costs 40)
const heaviest = (() => {
  const aliases = Array.from({ length: 5 }, (_, a) => {
    const [x, y] = pick(a).coordinates;
    return `c${a}: serviceCircle(origin: {point: {type: "Point", coordinates: [${x}, ${y}]}}, minutes: [60])`;
  });
  return post(`{ ${aliases.join(' ')} }`);
})();

function run(name, options) {
  return new Promise((resolve, reject) => {
    let graphqlErrors = 0;
    const instance = autocannon({ url: base, ...options }, (error, result) => error ? reject(error) : resolve({ name, result, graphqlErrors }));
    instance.on('response', (client, status, body) => {
      if (status === 200 && body && body.toString().includes('"errors"')) graphqlErrors++;
    });
  });
}

function report({ name, result, graphqlErrors }) {
  const l = result.latency;
  console.log(`${name}: ${result.requests.average.toFixed(0)} req/s, latency p50 ${l.p50} ms, p90 ${l.p90} ms, p97.5 ${l.p97_5} ms, `
    + `p99 ${l.p99} ms, max ${l.max} ms; ${result.non2xx} non-2xx, ${result.errors} socket errors, `
    + `${result.timeouts} timeouts, ${graphqlErrors} GraphQL errors, ${result.requests.total} requests`);
}

if (mode === 'mix') {
  // 10 requests in turn per client: 6 institution reads, 3 circles, 1 coverage
  const requests = [read(0), list(1), read(2), circle(3), read(4), list(5), circle(6), read(7), circle(8), coverage()];
  report(await run(`mix, ${clients} clients × ${seconds} s`, { connections: +clients, duration: +seconds, requests,
    timeout: 60 }));
} else if (mode === 'fairness') {
  const heavy = run(`heaviest admitted request, ${clients} clients`, { connections: +clients, duration: +seconds,
    requests: [heaviest], timeout: 120 });
  const reads = run('simple reads meanwhile, 2 clients', { connections: 2, duration: +seconds,
    requests: places.slice(0, 10).map((_, i) => read(i)), timeout: 60 });
  const [h, r] = await Promise.all([heavy, reads]);
  report(h);
  report(r);
} else {
  console.error(`unknown mode ${mode}: mix or fairness`);
  process.exit(2);
}
