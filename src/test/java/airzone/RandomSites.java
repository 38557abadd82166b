package airzone;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/** Batch inputs of random coal-fired sites over the sample data's China, the same ones for the same seed. */
public final class RandomSites {

    private RandomSites() {
    }

    /** A CSV batch {@code name,lon,lat,fuel} of {@code count} sites. */
    public static byte[] csv(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("name,lon,lat,fuel\n");
        for (int i = 1; i <= count; i++) {
            csv.append(String.format(Locale.ROOT, "site %d,%.5f,%.5f,coal%n", i, 108 + random.nextDouble() * 14, 21 + random.nextDouble() * 23));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
