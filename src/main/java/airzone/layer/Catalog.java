package airzone.layer;

import java.util.List;
import java.util.Optional;

/** The fixed list of collections the HTTP contract names (DESIGN, "Collection ids"). */
public final class Catalog {

    private static final List<CollectionInfo> COLLECTIONS = List.of(
            new CollectionInfo("districts", "县级行政区", "Districts",
                    "County-level districts of the seed cities and their neighbours, with city and province codes",
                    CollectionKind.BASE, "MultiPolygon", true),
            new CollectionInfo("provinces", "省级行政区", "Provinces",
                    "Province outlines built so that neighbouring provinces share their border",
                    CollectionKind.BASE, "MultiPolygon", true),
            new CollectionInfo("heat-sources", "热源（电厂）", "Heat sources",
                    "Coal-fired power and combined heat-and-power plants: capacity, largest unit, heat supply",
                    CollectionKind.BASE, "Point"),
            new CollectionInfo("ban-zones", "高污染燃料禁燃区", "High-pollution-fuel ban zones",
                    "Ban zones of class I/II/III under the high-pollution fuel catalogue",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo("built-up-areas", "建成区", "Built-up areas",
                    "Built-up areas of county towns and above",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo("industrial-parks", "工业园区", "Industrial parks",
                    "Industrial parks and development zones",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo("control-zones", "其他管控区", "Other control zones",
                    "Straw-burning and fireworks ban areas, vehicle and machinery restricted areas",
                    CollectionKind.DRAWN, "MultiPolygon"),
            new CollectionInfo("heating-radii", "热电联产供热半径", "Heating radii",
                    "Buffers around CHP heat sources whose largest unit qualifies",
                    CollectionKind.DERIVED, "Polygon"),
            new CollectionInfo("border-lines", "省界", "Provincial borders",
                    "Shared boundaries between neighbouring provinces, each naming both sides",
                    CollectionKind.DERIVED, "MultiLineString"),
            new CollectionInfo("border-buffers", "省界会商缓冲区", "Border consultation buffers",
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
