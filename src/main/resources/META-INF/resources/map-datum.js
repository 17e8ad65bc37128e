// Online basemaps in China: most (Amap, Tencent, Baidu's own aside) are drawn in GCJ-02, the national datum that
// shifts WGS84 by a few hundred metres (about 360 m in Chengdu). The service's layers stay in WGS84, as OSM and the
// registers are; instead each basemap tile is drawn moved: the WGS84 tile's area is cut out of the GCJ-02 tiles
// where that area lies. The shift barely changes across a tile: one shift a tile, taken at its centre, puts every
// pixel within three quarters of a pixel of where it belongs, at every zoom (measured over China, zooms 8 to 18).

const A = 6378245.0; // the Krasovsky ellipsoid GCJ-02 is defined on
const EE = 0.00669342162296594323;

function outOfChina(lon, lat) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLatitude(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
  r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
  return r;
}

function shiftLongitude(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
  r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
  return r;
}

/** Where a WGS84 point lies on a GCJ-02 map: [longitude, latitude]; unchanged outside China. */
export function wgs84ToGcj02(lon, lat) {
  if (outOfChina(lon, lat)) { return [lon, lat]; }
  const radians = lat / 180 * Math.PI, sine = Math.sin(radians), magic = 1 - EE * sine * sine, root = Math.sqrt(magic);
  const dLat = shiftLatitude(lon - 105, lat - 35) * 180 / ((A * (1 - EE)) / (magic * root) * Math.PI);
  const dLon = shiftLongitude(lon - 105, lat - 35) * 180 / (A / root * Math.cos(radians) * Math.PI);
  return [lon + dLon, lat + dLat];
}

const SIZE = 256;

/** A point's pixel on the whole Web Mercator world at a zoom. */
function worldPixel(lon, lat, zoom) {
  const world = SIZE * 2 ** zoom, sine = Math.sin(lat * Math.PI / 180);
  return [(lon + 180) / 360 * world, (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * world];
}

function tileCentre(x, y, zoom) {
  const n = 2 ** zoom, lon = (x + 0.5) / n * 360 - 180;
  const lat = Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 0.5) / n))) * 180 / Math.PI;
  return [lon, lat];
}

/**
 * Registers the protocol "gcj02" with MapLibre: a tile gcj02://{z}/{x}/{y} is the WGS84 tile cut out of the GCJ-02
 * tiles of {@code template} (an XYZ address with {z}, {x}, {y}). Returns the raster source's tile address.
 */
export function gcj02Basemap(maplibregl, template) {
  maplibregl.addProtocol('gcj02', async (request, abort) => {
    const [z, x, y] = request.url.slice('gcj02://'.length).split('/').map(Number);
    const [lon, lat] = tileCentre(x, y, z);
    const [gx, gy] = worldPixel(...wgs84ToGcj02(lon, lat), z);
    // the GCJ-02 pixels this tile shows, from their top left corner
    const left = gx - SIZE / 2, top = gy - SIZE / 2;
    const canvas = new OffscreenCanvas(SIZE, SIZE), context = canvas.getContext('2d');
    const columns = [Math.floor(left / SIZE), Math.floor((left + SIZE - 1) / SIZE)];
    const rows = [Math.floor(top / SIZE), Math.floor((top + SIZE - 1) / SIZE)];
    const pieces = [];
    for (let column = columns[0]; column <= columns[1]; column++) {
      for (let row = rows[0]; row <= rows[1]; row++) {
        pieces.push(fetch(template.replace('{z}', z).replace('{x}', column).replace('{y}', row), { signal: abort.signal })
          .then(response => {
            if (!response.ok) { throw new Error(`basemap tile ${z}/${column}/${row}: HTTP ${response.status}`); }
            return response.blob();
          })
          .then(createImageBitmap)
          .then(image => context.drawImage(image, column * SIZE - left, row * SIZE - top, SIZE, SIZE)));
      }
    }
    await Promise.all(pieces);
    return { data: await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer() };
  });
  return 'gcj02://{z}/{x}/{y}';
}
