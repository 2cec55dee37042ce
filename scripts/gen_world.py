#!/usr/bin/env python3
"""Generate the dashboard's coastline asset, crates/dyad-server/assets/land.js.

Source: the npm package `world-atlas` 2.0.2 (ISC licence), whose
`land-110m.json` is Natural Earth's 1:110m land polygons (public domain) as
TopoJSON. The package is installed with npm into a temporary directory; the
land polygons are decoded, rounded to a quarter of a degree, and written as
one SVG path in the dashboard map's coordinates (x = longitude, y = minus
latitude) scaled by 4, so that every coordinate is a small integer and the
path can use short relative moves. The page draws it with
`transform="scale(0.25)"` under the event dots. Nothing is fetched at run
time: the generated file is committed and compiled into the binary.

Run from the repository root:  python3 scripts/gen_world.py
Needs: python3, npm (and the npm registry) at generation time only.
"""

import json
import pathlib
import subprocess
import sys
import tempfile

PACKAGE = "world-atlas"
VERSION = "2.0.2"
SCALE = 4  # coordinates in quarter degrees
MIN_RING_POINTS = 4  # a closed ring needs at least three distinct points
OUT = pathlib.Path(__file__).resolve().parent.parent / "crates" / "dyad-server" / "assets" / "land.js"


def install(tmp):
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", tmp, f"{PACKAGE}@{VERSION}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    root = pathlib.Path(tmp) / "node_modules" / PACKAGE
    meta = json.loads((root / "package.json").read_text())
    if meta.get("version") != VERSION:
        sys.exit(f"expected {PACKAGE} {VERSION}, npm installed {meta.get('version')}")
    return root


def decode_arcs(topology):
    """Absolute [lon, lat] points of every arc (TopoJSON delta + quantisation)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for point in arc:
            if transform:
                x += point[0]
                y += point[1]
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((point[0], point[1]))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their end point.
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry):
    kind = geometry["type"]
    if kind == "Polygon":
        yield geometry["arcs"]
    elif kind == "MultiPolygon":
        yield from geometry["arcs"]
    elif kind == "GeometryCollection":
        for g in geometry["geometries"]:
            yield from polygons(g)


def planar(ring):
    """The ring as closed rings of rounded plane points, cut for the map.

    Natural Earth rings that cross the antimeridian (Chukotka, Fiji) are
    unwrapped into one continuous ring, which reaches past ±180°, and drawn
    a second time shifted by 360° so the map's edges clip both copies into
    place. A ring around a pole (Antarctica) is closed along the pole.
    """
    lons, lats = [ring[0][0]], [ring[0][1]]
    for lon, lat in ring[1:]:
        while lon - lons[-1] > 180:
            lon -= 360
        while lon - lons[-1] < -180:
            lon += 360
        lons.append(lon)
        lats.append(lat)
    unwrapped = list(zip(lons, lats))
    if abs(lons[-1] - lons[0]) > 180:
        # Around a pole: down to the pole and back along it.
        pole = -90 if sum(lats) < 0 else 90
        unwrapped += [(lons[-1], pole), (lons[0], pole)]
    pts = []
    for lon, lat in unwrapped:
        p = (round(lon * SCALE), round(-lat * SCALE))
        if not pts or pts[-1] != p:
            pts.append(p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    out = [pts]
    if min(x for x, _ in pts) < -180 * SCALE:
        out.append([(x + 360 * SCALE, y) for x, y in pts])
    if max(x for x, _ in pts) > 180 * SCALE:
        out.append([(x - 360 * SCALE, y) for x, y in pts])
    # Keep what the map shows: a copy (or an unwrapped ring) wholly past an
    # edge would be drawn outside it.
    edge = 180 * SCALE
    return [r for r in out if min(x for x, _ in r) < edge and max(x for x, _ in r) > -edge]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        root = install(tmp)
        topology = json.loads((root / "land-110m.json").read_text())
        licence = (root / "LICENSE").read_text().strip().splitlines()[0] if (root / "LICENSE").exists() else "ISC"
    arcs = decode_arcs(topology)
    parts = []
    rings = points_total = 0
    for polygon in polygons(topology["objects"]["land"]):
        for ring in polygon:
            for pts in planar(ring_points(ring, arcs)):
                if len(set(pts)) < MIN_RING_POINTS - 1:
                    continue  # an islet smaller than the rounding
                rings += 1
                points_total += len(pts)
                moves = " ".join(f"{x1 - x0} {y1 - y0}" for (x0, y0), (x1, y1) in zip(pts, pts[1:]))
                parts.append(f"M{pts[0][0]} {pts[0][1]}l{moves}z")
    # A minus sign separates numbers by itself in SVG path data.
    path = "".join(parts).replace(" -", "-")
    OUT.write_text(
        "// Generated by scripts/gen_world.py from the npm package world-atlas 2.0.2 (ISC;\n"
        f"// {licence}): land-110m, Natural Earth 1:110m land polygons (public domain).\n"
        "// Do not edit. One SVG path, x = longitude, y = -latitude, in quarter degrees\n"
        f"// ({rings} rings, {points_total} points); drawn with transform=\"scale(0.25)\".\n"
        '"use strict";\n'
        f'const LAND_PATH = "{path}";\n'
    )
    print(f"{OUT}: {rings} rings, {points_total} points, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
