package airzone.screen;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns a tabular batch (a CSV header, an Excel header row) may name, and the one set of rules
 * both follow: {@code name}, {@code lon} and {@code lat}, plus any of the site attributes, each also by
 * the Chinese or English name an inventory may give it.
 */
final class BatchColumns {

    /** Every column the screening reads, in the order the README lists them. */
    static final Set<String> KNOWN;

    static {
        Set<String> known = new LinkedHashSet<>(List.of("name", "lon", "lat"));
        known.addAll(SiteReader.ATTRIBUTES);
        KNOWN = Set.copyOf(known);
    }

    private static final List<String> REQUIRED = List.of("name", "lon", "lat");

    private BatchColumns() {
    }

    /**
     * The names planners' own inventories give the columns, in Chinese as the bureau's sheets have them
     * and in plain English; a unit in brackets after the name ("锅炉容量（蒸吨/小时）") does not count.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("名称", "name"), Map.entry("项目名称", "name"), Map.entry("企业名称", "name"), Map.entry("单位名称", "name"),
            Map.entry("经度", "lon"), Map.entry("longitude", "lon"), Map.entry("lng", "lon"),
            Map.entry("纬度", "lat"), Map.entry("latitude", "lat"),
            Map.entry("行业", "industry"), Map.entry("行业类别", "industry"),
            Map.entry("燃料", "fuel"), Map.entry("燃料类型", "fuel"),
            Map.entry("锅炉容量", "boiler_tph"), Map.entry("锅炉蒸吨", "boiler_tph"), Map.entry("锅炉规模", "boiler_tph"),
            Map.entry("锅炉用途", "boiler_use"),
            Map.entry("新建", "new"), Map.entry("是否新建", "new"),
            Map.entry("涉气重点行业", "key_gas_industry"), Map.entry("是否涉气重点行业", "key_gas_industry"),
            Map.entry("排气筒高度", "stack_height_m"), Map.entry("烟囱高度", "stack_height_m"));

    private static final Pattern UNIT = Pattern.compile("\\s*[（(][^）)]*[）)]$");

    /**
     * The column a header cell names: spaces around it, capitals and a bracketed unit do not count, and
     * an alias ({@link #ALIASES}) names its column; anything else is its own name.
     */
    static String key(String cell) {
        if (cell == null) return "";
        String key = cell.strip().toLowerCase(Locale.ROOT);
        String bare = UNIT.matcher(key).replaceFirst("");
        if (KNOWN.contains(bare)) return bare;
        return ALIASES.getOrDefault(bare, key);
    }

    /** Whether a row of header cells (as keys) is the header: it names both coordinate columns. */
    static boolean namesCoordinates(Collection<String> keys) {
        return keys.contains("lon") && keys.contains("lat");
    }

    /** @param what "CSV header" or "header row", for the message */
    static void requireAll(Collection<String> keys, String what) {
        for (String required : REQUIRED) {
            if (!keys.contains(required)) throw new BatchInput.Refused(what + " lacks the column '" + required + "' (header: name,lon,lat,…)");
        }
    }

    static String attributesText() {
        return SiteReader.ATTRIBUTES.subList(1, SiteReader.ATTRIBUTES.size()).toString();
    }
}
