import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentName, exportQuery, exportSystems, importQuery, suggestedEncoding, suggestedZone, uploadType } from '../js/transfer/crs.js';

test('the suggested zone is the one whose central meridian is nearest, EPSG 4488 + zone', () => {
  // 秦皇岛 119.6°E: zone 40, central meridian 120°E, EPSG:4528 (what ExportCrs writes for zone 40)
  assert.deepEqual(suggestedZone(119.6), { zone: 40, epsg: 4528, code: 'EPSG:4528', centralMeridian: 120 });
  // 赤峰 118.9°E → 40; 邯郸 114.5°E → 38 (114°E); 钦州 108.6°E → 36 (108°E)
  assert.equal(suggestedZone(118.9).code, 'EPSG:4528');
  assert.equal(suggestedZone(114.5).code, 'EPSG:4526');
  assert.equal(suggestedZone(108.6).code, 'EPSG:4524');
  // the zone borders lie half way between central meridians
  assert.equal(suggestedZone(118.4).zone, 39);
  assert.equal(suggestedZone(118.6).zone, 40);
  // the ends: zone 25 (75°E) and 45 (135°E); outside them nothing
  assert.equal(suggestedZone(74).code, 'EPSG:4513');
  assert.equal(suggestedZone(135.5).code, 'EPSG:4533');
  assert.equal(suggestedZone(72), null);
  assert.equal(suggestedZone(137), null);
  assert.equal(suggestedZone(Number.NaN), null);
});

test('the form offers CRS84, CGCS2000 and the 21 zones 25–45', () => {
  const codes = exportSystems().map((s) => s.code);
  assert.equal(codes.length, 23);
  assert.deepEqual(codes.slice(0, 3), ['CRS84', 'EPSG:4490', 'EPSG:4513']);
  assert.equal(codes.at(-1), 'EPSG:4533');
});

test('GBK is suggested for shapefiles only', () => {
  assert.equal(suggestedEncoding('shapefile'), 'GBK');
  assert.equal(suggestedEncoding('csv'), 'UTF-8');
  assert.equal(suggestedEncoding('geopackage'), 'UTF-8');
});

test('the export query gives each format what it can carry', () => {
  assert.equal(exportQuery({ format: 'shapefile', crs: 'EPSG:4528', encoding: 'GBK' }), 'format=shapefile&crs=EPSG%3A4528&encoding=GBK');
  assert.equal(exportQuery({ format: 'kml', crs: 'EPSG:4528', encoding: 'GBK' }), 'format=kml&crs=CRS84');
  assert.equal(exportQuery({ format: 'geopackage', crs: 'EPSG:4490', encoding: 'GBK' }), 'format=geopackage&crs=EPSG%3A4490');
});

test('the import query leaves unset options to the file and asks a dry run for its preview', () => {
  assert.equal(importQuery({ format: '', encoding: '', crs: '', layer: ' ' }, false), '');
  assert.equal(importQuery({ format: 'shapefile', encoding: 'GBK', crs: 'EPSG:4528', layer: 'zones' }, true),
    'format=shapefile&encoding=GBK&crs=EPSG%3A4528&layer=zones&dryRun=true&preview=true');
});

test('uploads are typed by their file name', () => {
  assert.equal(uploadType('禁燃区.ZIP'), 'application/zip');
  assert.equal(uploadType('a.kmz'), 'application/zip');
  assert.equal(uploadType('a.geojson'), 'application/geo+json');
  assert.equal(uploadType('a.kml'), 'application/vnd.google-earth.kml+xml');
  assert.equal(uploadType('a.gpkg'), 'application/geopackage+sqlite3');
  assert.equal(uploadType('a'), 'application/octet-stream');
});

test('the download name comes from Content-Disposition', () => {
  assert.equal(attachmentName('attachment; filename="ban-zones_2026-11-23_EPSG4528.zip"'), 'ban-zones_2026-11-23_EPSG4528.zip');
  assert.equal(attachmentName(null), null);
});
