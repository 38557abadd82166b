package airzone.io.imports;

/**
 * How much an import may take: the upload itself, everything a zip unpacks to, the number of
 * entries, and the compression ratio above which an entry counts as a zip bomb (checked on
 * entries larger than {@code ratioCheckAboveBytes}; text compresses about 10:1, shapefiles less).
 */
public record ImportLimits(long maxUploadBytes, long maxUnzippedBytes, int maxEntries, double maxRatio,
                           long ratioCheckAboveBytes) {

    private static final long MB = 1024L * 1024;

    public static ImportLimits standard() {
        return new ImportLimits(200 * MB, 200 * MB, 1000, 100, MB);
    }

    public String uploadText() {
        return megabytes(maxUploadBytes);
    }

    static String megabytes(long bytes) {
        return bytes % MB == 0 ? (bytes / MB) + " MB" : bytes + " bytes";
    }
}
