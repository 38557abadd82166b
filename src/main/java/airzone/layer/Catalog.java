package airzone.layer;

import java.util.List;
import java.util.Optional;

import static airzone.layer.CollectionIds.BAN_ZONES;
import static airzone.layer.CollectionIds.BORDER_BUFFERS;
import static airzone.layer.CollectionIds.BORDER_LINES;
import static airzone.layer.CollectionIds.BUILT_UP_AREAS;
import static airzone.layer.CollectionIds.CONTROL_ZONES;
import static airzone.layer.CollectionIds.DISTRICTS;
import static airzone.layer.CollectionIds.HEATING_RADII;
import static airzone.layer.CollectionIds.HEAT_SOURCES;
import static airzone.layer.CollectionIds.INDUSTRIAL_PARKS;
import static airzone.layer.CollectionIds.PROVINCES;

/** The fixed list of collections the HTTP contract names (docs/architecture.md, "HTTP contract"). */
public final class Catalog {

    private static final List<CollectionInfo> COLLECTIONS = List.of(
            new CollectionInfo(DISTRICTS, "县级行政区", "Districts",
                    "County-level districts of the seed cities and their neighbours, with city and province codes",
                    CollectionKind.BASE, "MultiPolygon", true),
            new CollectionInfo(PROVINCES, "省级行政区", "Provinces",
                    "Province outlines built so that neighbouring provinces share their border",
                    CollectionKind.BASE, "MultiPolygon", true),
            new CollectionInfo(HEAT_SOURCES, "热源（电厂）", "Heat sources",
                    "Coal-fired power and combined heat-and-power plants: capacity, largest unit, heat supply",
                    CollectionKind.BASE, "Point"),
            new CollectionInfo(BAN_ZONES, "高污染燃料禁燃区", "High-pollution-fuel ban zones",
                    "Ban zones of class I/II/III under the high-pollution fuel catalogue",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo(BUILT_UP_AREAS, "建成区", "Built-up areas",
                    "Built-up areas of county towns and above",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo(INDUSTRIAL_PARKS, "工业园区", "Industrial parks",
                    "Industrial parks and development zones",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo(CONTROL_ZONES, "其他管控区", "Other control zones",
                    "Straw-burning and fireworks ban areas, vehicle and machinery restricted areas",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo(HEATING_RADII, "热电联产供热半径", "Heating radii",
                    "Buffers around CHP heat sources whose largest unit qualifies",
                    CollectionKind.DERIVED, "Polygon"),
            new CollectionInfo(BORDER_LINES, "省界", "Provincial borders",
                    "Shared boundaries between neighbouring provinces, each naming both sides",
                    CollectionKind.DERIVED, "MultiLineString"),
            new CollectionInfo(BORDER_BUFFERS, "省界会商缓冲区", "Border consultation buffers",
                    "Buffers on both sides of provincial borders where new projects need cross-province consultation",
                    CollectionKind.DERIVED, "MultiPolygon"));

    private Catalog() {
    }

    public static List<CollectionInfo> all() {
        return COLLECTIONS;
    }

    /** The ids of the collections that are coverages (see {@link CollectionInfo#coverage()}). */
    public static List<String> coverages() {
        return COLLECTIONS.stream().filter(CollectionInfo::coverage).map(CollectionInfo::id).toList();
    }

    public static Optional<CollectionInfo> find(String id) {
        return COLLECTIONS.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
