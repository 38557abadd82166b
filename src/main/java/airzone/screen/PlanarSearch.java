package airzone.screen;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The items of a built JTS R-tree in order of planar distance from a point, one at a time: the
 * incremental nearest-neighbour search of Hjaltason and Samet (a best-first walk with one priority
 * queue of nodes and items). Written here because JTS offers only the k nearest for a fixed k, which
 * a caller that does not know k beforehand must repeat from scratch with a larger k, and which builds
 * a pair object per node visited; screening asks this for every site, so it keeps the queue in two
 * arrays. Not thread-safe: one search per query.
 */
final class PlanarSearch {

    private final double x;
    private final double y;
    private final ToDoubleFunction<Object> itemDistance;
    private double[] keys = new double[64];
    private Object[] values = new Object[64];
    private int size;
    private Object lastItem;
    private double lastDistance;

    /** @param itemDistance an item's planar distance from (x, y), at least that of its envelope */
    PlanarSearch(AbstractNode root, double x, double y, ToDoubleFunction<Object> itemDistance) {
        this.x = x;
        this.y = y;
        this.itemDistance = itemDistance;
        if (root != null && !root.isEmpty()) push(distance((Envelope) root.getBounds()), root);
    }

    /** The next nearest item, or null when there is none. */
    Object next() {
        while (size > 0) {
            double key = keys[0];
            Object top = pop();
            if (top instanceof AbstractNode node) {
                for (Object child : node.getChildBoundables()) {
                    if (child instanceof ItemBoundable item) push(itemDistance.applyAsDouble(item.getItem()), item);
                    else push(distance((Envelope) ((Boundable) child).getBounds()), child);
                }
            } else {
                lastDistance = key;
                lastItem = ((ItemBoundable) top).getItem();
                return lastItem;
            }
        }
        lastItem = null;
        return null;
    }

    /** The item {@link #next()} last gave. */
    Object item() {
        return lastItem;
    }

    /** The distance of that item. */
    double distance() {
        return lastDistance;
    }

    private double distance(Envelope e) {
        double dx = x < e.getMinX() ? e.getMinX() - x : x > e.getMaxX() ? x - e.getMaxX() : 0;
        double dy = y < e.getMinY() ? e.getMinY() - y : y > e.getMaxY() ? y - e.getMaxY() : 0;
        return Math.sqrt(dx * dx + dy * dy);
    }

    private void push(double key, Object value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (keys[parent] <= key) break;
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    private Object pop() {
        Object top = values[0];
        double key = keys[--size];
        Object value = values[size];
        values[size] = null;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && keys[child + 1] < keys[child]) child++;
            if (keys[child] >= key) break;
            keys[i] = keys[child];
            values[i] = values[child];
            i = child;
        }
        if (size > 0) {
            keys[i] = key;
            values[i] = value;
        }
        return top;
    }
}
