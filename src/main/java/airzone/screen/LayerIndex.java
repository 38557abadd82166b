package airzone.screen;

import airzone.layer.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.List;

/** One area layer in an R-tree of prepared geometries: "which features does this site touch?". */
final class LayerIndex {

    private record Entry(Feature feature, PreparedGeometry area) {
    }

    private final String collection;
    private final STRtree tree = new STRtree();

    LayerIndex(String collection, List<Feature> features) {
        this.collection = collection;
        for (Feature f : features) tree.insert(f.geometry().getEnvelopeInternal(), new Entry(f, PreparedGeometryFactory.prepare(f.geometry())));
        tree.build();
    }

    String collection() {
        return collection;
    }

    /** Features whose area the site touches (a polygon site counts when it intersects), in id order. */
    List<Feature> touching(Geometry site) {
        List<Feature> hits = new ArrayList<>();
        for (Object item : tree.query(site.getEnvelopeInternal())) {
            Entry e = (Entry) item;
            if (e.area().intersects(site)) hits.add(e.feature());
        }
        hits.sort((x, y) -> x.id().compareTo(y.id()));
        return hits;
    }
}
