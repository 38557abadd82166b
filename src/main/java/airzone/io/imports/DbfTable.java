package airzone.io.imports;

import airzone.io.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shapefile's .dbf, read after the dBase III+ layout (32-byte header, 32-byte field descriptors,
 * fixed-length records; Visual FoxPro's binary I and O fields too), with text decoded strictly in
 * the encoding chosen for the import.
 *
 * <p>Written here rather than taken from H2GIS 2.2.5, whose {@code DbaseFileReader} fits neither
 * half of the job: it returns NULL for every date field (the conversion is commented out in
 * {@code readObject}), and it decodes text with a decoder whose errors it never checks, so bytes that
 * are not valid in the assumed encoding silently cut the value short — a wrong encoding could not be
 * detected, and the import must say "this is not UTF-8, try GBK" rather than store mangled names.
 * Its {@code DbaseFileHeader} decodes field names leniently and cannot be re-read strictly either.
 */
final class DbfTable implements AutoCloseable {

    /** One field: its raw name bytes, type letter, byte offset within a record, width and decimals. */
    record Field(byte[] rawName, char type, int offset, int length, int decimals) {

        ValueType valueType() {
            return switch (type) {
                case 'N' -> decimals == 0 ? ValueType.INTEGER : ValueType.REAL;
                case 'F', 'O' -> ValueType.REAL;
                case 'I' -> ValueType.INTEGER;
                case 'L' -> ValueType.BOOLEAN;
                case 'D' -> ValueType.DATE;
                default -> ValueType.TEXT;
            };
        }

        boolean readable() {
            return switch (type) {
                case 'C', 'N', 'F', 'L', 'D' -> true;
                case 'I' -> length == 4;
                case 'O' -> length == 8;
                default -> false;
            };
        }
    }

    /** A text value that is not valid in the encoding tried: which record and field. */
    static final class BadText extends Exception {
        final int record;
        final String field;

        BadText(int record, String field) {
            super(null, null, false, false);
            this.record = record;
            this.field = field;
        }
    }

    private static final int HEADER = 32;
    private static final int DESCRIPTOR = 32;

    private final FileChannel channel;
    private final String fileName;
    private final int records;
    private final int headerLength;
    private final int recordLength;
    private final int languageDriver;
    private final List<Field> fields;

    private DbfTable(FileChannel channel, String fileName, int records, int headerLength, int recordLength, int languageDriver,
                     List<Field> fields) {
        this.channel = channel;
        this.fileName = fileName;
        this.records = records;
        this.headerLength = headerLength;
        this.recordLength = recordLength;
        this.languageDriver = languageDriver;
        this.fields = fields;
    }

    static DbfTable open(Path file) throws IOException {
        String name = file.getFileName().toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < HEADER + 1) throw truncated(name, "it is shorter than a dBase header");
            ByteBuffer h = read(channel, 0, HEADER);
            int records = h.getInt(4);
            int headerLength = Short.toUnsignedInt(h.getShort(8));
            int recordLength = Short.toUnsignedInt(h.getShort(10));
            int languageDriver = Byte.toUnsignedInt(h.get(29));
            if (headerLength > size && records >= 0 && recordLength >= 1) {
                throw truncated(name, "its header announces " + headerLength + " bytes of field definitions, the file has only " + size + " bytes");
            }
            if (records < 0 || headerLength < HEADER + 1 || recordLength < 1) {
                throw ImportRefused.badInput(name + " is not a dBase file (record count " + records + ", header length "
                        + headerLength + ", record length " + recordLength + ")");
            }
            ByteBuffer descriptors = read(channel, HEADER, headerLength - HEADER);
            List<Field> fields = new ArrayList<>();
            int offset = 1; // the deletion flag comes first
            for (int at = 0; at + DESCRIPTOR <= descriptors.limit() && descriptors.get(at) != 0x0D; at += DESCRIPTOR) {
                byte[] rawName = new byte[11];
                descriptors.get(at, rawName);
                int nameLength = 0;
                while (nameLength < 11 && rawName[nameLength] != 0) nameLength++;
                byte[] trimmed = java.util.Arrays.copyOf(rawName, nameLength);
                char type = (char) Character.toUpperCase(descriptors.get(at + 11));
                int length = Byte.toUnsignedInt(descriptors.get(at + 16));
                int decimals = Byte.toUnsignedInt(descriptors.get(at + 17));
                fields.add(new Field(trimmed, type, offset, length, decimals));
                offset += length;
            }
            if (offset > recordLength) {
                throw ImportRefused.badInput(name + " is damaged: its fields take " + offset + " bytes, its records only " + recordLength);
            }
            long needed = (long) headerLength + (long) records * recordLength;
            if (size < needed) {
                long whole = (size - headerLength) / recordLength;
                throw truncated(name, "its header announces " + records + " records but the file holds only " + Math.max(0, whole));
            }
            return new DbfTable(channel, name, records, headerLength, recordLength, languageDriver, fields);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    int records() {
        return records;
    }

    List<Field> fields() {
        return fields;
    }

    /** The code page byte of the header (0x4D: 936/GBK, 0x57: ANSI, 0: unset). */
    int languageDriver() {
        return languageDriver;
    }

    String fileName() {
        return fileName;
    }

    /** The field names in {@code encoding}; empty when a name is not valid in it. */
    Optional<List<String>> names(TextEncoding encoding) {
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            Optional<String> name = encoding.decode(f.rawName(), 0, f.rawName().length);
            if (name.isEmpty()) return Optional.empty();
            names.add(name.get().trim());
        }
        return Optional.of(names);
    }

    /** Whether every name and text value decodes in {@code encoding}; the first that does not, when not. */
    Optional<BadText> firstBadText(TextEncoding encoding) throws IOException {
        if (names(encoding).isEmpty()) return Optional.of(new BadText(-1, "(field names)"));
        List<String> names = names(encoding).get();
        for (int r = 0; r < records; r++) {
            ByteBuffer record = record(r);
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (f.type() != 'C') continue;
                int end = textEnd(record, f);
                if (end > f.offset() && encoding.decode(record.array(), f.offset(), end - f.offset()).isEmpty()) {
                    return Optional.of(new BadText(r, names.get(i)));
                }
            }
        }
        return Optional.empty();
    }

    boolean deleted(int record) throws IOException {
        return read(channel, (long) headerLength + (long) record * recordLength, 1).get(0) == '*';
    }

    /** One record's non-empty values by field name, text decoded in {@code encoding} (strictly). */
    Map<String, JsonNode> values(int r, TextEncoding encoding, List<String> names) throws IOException, BadText {
        ByteBuffer record = record(r);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!f.readable()) continue;
            JsonNode value = switch (f.type()) {
                case 'C' -> text(record, f, encoding, r, names.get(i));
                case 'N', 'F' -> number(ascii(record, f), f);
                case 'L' -> logical(ascii(record, f));
                case 'D' -> date(ascii(record, f));
                case 'I' -> IntNode.valueOf(record.order(ByteOrder.LITTLE_ENDIAN).getInt(f.offset()));
                case 'O' -> DoubleNode.valueOf(record.order(ByteOrder.LITTLE_ENDIAN).getDouble(f.offset()));
                default -> null;
            };
            if (value != null) values.put(names.get(i), value);
        }
        return values;
    }

    private static JsonNode text(ByteBuffer record, Field f, TextEncoding encoding, int r, String name) throws BadText {
        int end = textEnd(record, f);
        if (end == f.offset()) return null;
        return TextNode.valueOf(encoding.decode(record.array(), f.offset(), end - f.offset()).orElseThrow(() -> new BadText(r, name)));
    }

    /** Where a text value ends once trailing blanks and NULs are dropped (0x20 and 0 are never part of a UTF-8 or GBK multi-byte character). */
    private static int textEnd(ByteBuffer record, Field f) {
        int end = f.offset() + f.length();
        while (end > f.offset() && (record.get(end - 1) == ' ' || record.get(end - 1) == 0)) end--;
        return end;
    }

    private static String ascii(ByteBuffer record, Field f) {
        byte[] bytes = new byte[f.length()];
        record.get(f.offset(), bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace('\0', ' ').trim();
    }

    private static JsonNode number(String s, Field f) {
        if (s.isEmpty() || s.startsWith("*")) return null;
        String n = s.replace(',', '.');
        try {
            if (f.decimals() == 0 && f.type() == 'N' && !n.contains(".") && !n.contains("e") && !n.contains("E")) {
                long v = Long.parseLong(n.startsWith("+") ? n.substring(1) : n);
                return Values.integral(v);
            }
            return DoubleNode.valueOf(new BigDecimal(n).doubleValue());
        } catch (NumberFormatException e) {
            return TextNode.valueOf(s);
        }
    }

    private static JsonNode logical(String s) {
        if (s.isEmpty()) return null;
        return switch (s.charAt(0)) {
            case 'T', 't', 'Y', 'y' -> BooleanNode.TRUE;
            case 'F', 'f', 'N', 'n' -> BooleanNode.FALSE;
            default -> null;
        };
    }

    private static JsonNode date(String s) {
        if (s.isEmpty() || s.equals("00000000")) return null;
        if (s.matches("\\d{8}")) {
            try {
                return TextNode.valueOf(LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6, 8))).toString());
            } catch (DateTimeException e) {
                return TextNode.valueOf(s);
            }
        }
        return TextNode.valueOf(s);
    }

    private ByteBuffer record(int r) throws IOException {
        return read(channel, (long) headerLength + (long) r * recordLength, recordLength);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) throw new java.io.EOFException();
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ImportRefused truncated(String name, String why) {
        return ImportRefused.badInput(name + " is truncated: " + why);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
