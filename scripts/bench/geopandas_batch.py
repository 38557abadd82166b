#!/usr/bin/python3
"""The peer of airzone's batch screening, done the way an analyst would with GeoPandas.

Usage: geopandas_batch.py LAYERS_DIR SITES_CSV OUT_CSV [RUNS]

LAYERS_DIR holds one GeoJSON file per layer (<collection>.geojson), as BatchBenchmark writes them.
Layers are loaded and indexed before timing. Each timed run: read the sites CSV, sjoin every area
layer, per 3-degree Gauss-Krueger zone the nearest qualifying CHP plant (nearest in the zone's plane,
then the exact geodesic distance with pyproj.Geod) and the nearest provincial border (the
same, to the line's nearest point found in the plane), and write one summary row per site.
Prints "geopandas <versions>" and then one line per run: "run <n> <milliseconds>".
"""
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.ops import nearest_points
from shapely.strtree import STRtree

AREAS = ["districts", "ban-zones", "built-up-areas", "industrial-parks", "control-zones", "heating-radii", "border-buffers"]
GEOD = pyproj.Geod(ellps="GRS80")


def zone_crs(zone):
    return pyproj.CRS.from_proj4(f"+proj=tmerc +lat_0=0 +lon_0={3 * zone} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")


def main():
    layers_dir, sites_csv, out_csv = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    print(f"geopandas {gpd.__version__}, shapely {shapely.__version__}, pyproj {pyproj.__version__}", flush=True)
    areas = {}
    for name in AREAS:
        layer = gpd.read_file(f"{layers_dir}/{name}.geojson")[["id", "geometry"]]
        layer.sindex  # built now, not in the timed run
        areas[name] = layer
    radii = gpd.read_file(f"{layers_dir}/heating-radii.geojson")
    plants = gpd.read_file(f"{layers_dir}/heat-sources.geojson")
    plants = plants[plants["id"].isin(set(radii["heat_source_id"]))][["id", "geometry"]]
    borders = gpd.read_file(f"{layers_dir}/border-lines.geojson")[["id", "geometry"]]
    # Debian's GeoPandas 0.12 has sjoin_nearest only with PyGEOS or Shapely 2, which Debian 12 lacks:
    # the nearest feature comes from Shapely 1.8's STRtree.nearest, one site at a time
    plant_lonlat = list(plants.geometry)
    planes = {}
    for zone in range(36, 44):
        crs = zone_crs(zone)
        p, b = list(plants.to_crs(crs).geometry), list(borders.to_crs(crs).geometry)
        planes[zone] = (crs, STRtree(p), {id(g): k for k, g in enumerate(p)}, STRtree(b))

    for run in range(runs):
        t = time.perf_counter()
        sites = pd.read_csv(sites_csv)
        sites = gpd.GeoDataFrame(sites, geometry=gpd.points_from_xy(sites["lon"], sites["lat"]), crs="EPSG:4326")
        out = pd.DataFrame({"row": np.arange(1, len(sites) + 1), "name": sites["name"], "lon": sites["lon"], "lat": sites["lat"]})
        for name, layer in areas.items():
            hits = gpd.sjoin(sites[["geometry"]], layer, predicate="intersects", how="inner")
            out[name] = hits.groupby(level=0)["id"].agg(";".join).reindex(out.index).fillna("")
        plant_m = np.full(len(sites), np.nan)
        border_m = np.full(len(sites), np.nan)
        zones = np.floor((sites["lon"].to_numpy() + 1.5) / 3).astype(int)
        for zone in np.unique(zones):
            crs, plant_tree, plant_number, border_tree = planes[zone]
            here = sites[zones == zone]
            projected = here.to_crs(crs).geometry
            nearest_plants = [plant_lonlat[plant_number[id(plant_tree.nearest(site))]] for site in projected]
            _, _, d = GEOD.inv(here["lon"].to_numpy(), here["lat"].to_numpy(),
                               np.array([q.x for q in nearest_plants]), np.array([q.y for q in nearest_plants]))
            plant_m[here.index] = d
            points = [nearest_points(site, border_tree.nearest(site))[1] for site in projected]
            on_border = gpd.GeoSeries(points, crs=crs).to_crs("EPSG:4326")
            _, _, d = GEOD.inv(here["lon"].to_numpy(), here["lat"].to_numpy(), on_border.x.to_numpy(), on_border.y.to_numpy())
            border_m[here.index] = d
        out["plant_km"] = np.round(plant_m) / 1000
        out["border_km"] = np.round(border_m) / 1000
        out.to_csv(out_csv, index=False)
        print(f"run {run + 1} {(time.perf_counter() - t) * 1000:.0f}", flush=True)


if __name__ == "__main__":
    main()
