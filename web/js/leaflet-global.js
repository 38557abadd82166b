// Leaflet-Geoman is published as a classic script that extends a global `L`; the page imports
// Leaflet as an ES module, which sets no global. This module, imported right before the plugin
// (drawing.js), gives it one: a plain copy of the module's exports, because a module namespace
// object cannot take the `L.PM` the plugin adds. The classes are the same objects, so the hooks
// the plugin installs on L.Map, L.Polygon, … apply to every layer the page creates.

import * as L from 'leaflet';

globalThis.L = { ...L };
