package airzone.store;

import airzone.layer.JobRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The batch_jobs tables (migration V5); same SQL on both stores but for the age of a heartbeat. */
final class JdbcJobs implements JobRecords {

    /** A result is stored in parts of this size: within H2's BINARY VARYING, and small to stream back. */
    static final int PART_BYTES = 512 * 1024;

    private final Pool pool;
    private final String unheardFor;

    JdbcJobs(Pool pool) {
        this.pool = pool;
        this.unheardFor = pool.dialect().secondsSince().formatted("heard_at");
    }

    @Override
    public void add(String id, String owner, int total, String detail) {
        pool.inTransaction("storing batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO batch_jobs (id, owner, status, total, processed, detail) VALUES (?, ?, 'running', ?, 0, ?)")) {
                ps.setString(1, id);
                ps.setString(2, owner);
                ps.setInt(3, total);
                ps.setString(4, detail);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return pool.read("reading batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, owner, status, total, processed, error, detail, "
                    + unheardFor + " AS unheard FROM batch_jobs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new JobRecord(rs.getString("id"), rs.getString("owner"), rs.getString("status"), rs.getInt("total"),
                            rs.getInt("processed"), rs.getString("error"), rs.getString("detail"), rs.getLong("unheard")));
                }
            }
        });
    }

    @Override
    public Optional<String> heard(String id, int processed) {
        return pool.inTransaction("recording the progress of batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_jobs SET processed = ?, heard_at = CURRENT_TIMESTAMP WHERE id = ? AND status = 'running'")) {
                ps.setInt(1, processed);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return status(c, id);
        });
    }

    @Override
    public boolean end(String id, String status, String error) {
        if (!status.equals("failed") && !status.equals("cancelled")) throw new IllegalArgumentException("not an end without a result: " + status);
        return pool.inTransaction("ending batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_jobs SET status = ?, error = ? WHERE id = ? AND status = 'running'")) {
                ps.setString(1, status);
                ps.setString(2, error);
                ps.setString(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean failUnheard(String id, long seconds, String error) {
        return pool.inTransaction("failing unheard batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_jobs SET status = 'failed', error = ? "
                    + "WHERE id = ? AND status = 'running' AND " + unheardFor + " >= ?")) {
                ps.setString(1, error);
                ps.setString(2, id);
                ps.setLong(3, seconds);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean finish(String id, int processed, Map<String, Path> gzippedResults) {
        return pool.inTransaction("storing the result of batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_jobs SET status = 'done', processed = ?, heard_at = CURRENT_TIMESTAMP WHERE id = ? AND status = 'running'")) {
                ps.setInt(1, processed);
                ps.setString(2, id);
                if (ps.executeUpdate() == 0) return false;
            }
            for (var result : gzippedResults.entrySet()) storeParts(c, id, result.getKey(), result.getValue());
            return true;
        });
    }

    private static void storeParts(Connection c, String id, String format, Path file) throws SQLException {
        try (InputStream in = Files.newInputStream(file);
             PreparedStatement ps = c.prepareStatement("INSERT INTO batch_job_results (job_id, format, part, data) VALUES (?, ?, ?, ?)")) {
            int part = 0;
            byte[] bytes;
            while ((bytes = in.readNBytes(PART_BYTES)).length > 0) {
                ps.setString(1, id);
                ps.setString(2, format);
                ps.setInt(3, part++);
                ps.setBytes(4, bytes);
                ps.executeUpdate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the result of batch job " + id + " from " + file, e);
        }
    }

    @Override
    public Optional<InputStream> result(String id, String format) {
        boolean stored = pool.read("looking up the result of batch job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM batch_jobs j JOIN batch_job_results r ON r.job_id = j.id "
                    + "WHERE j.id = ? AND j.status = 'done' AND r.format = ? AND r.part = 0")) {
                ps.setString(1, id);
                ps.setString(2, format);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        return stored ? Optional.of(new Parts(id, format)) : Optional.empty();
    }

    /** A stored result read one part at a time, each part asked for when the previous one is used up. */
    private final class Parts extends InputStream {
        private final String id;
        private final String format;
        private int next;
        private byte[] part = new byte[0];
        private int at;
        private boolean ended;

        Parts(String id, String format) {
            this.id = id;
            this.format = format;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) return 0;
            while (at == part.length) {
                if (ended) return -1;
                fetch();
            }
            int n = Math.min(length, part.length - at);
            System.arraycopy(part, at, into, offset, n);
            at += n;
            return n;
        }

        private void fetch() {
            int number = next++;
            byte[] bytes = pool.read("reading the result of batch job " + id, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT data FROM batch_job_results WHERE job_id = ? AND format = ? AND part = ?")) {
                    ps.setString(1, id);
                    ps.setString(2, format);
                    ps.setInt(3, number);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            });
            ended = bytes == null;
            part = bytes == null ? new byte[0] : bytes;
            at = 0;
        }
    }

    @Override
    public long running(String owner, long seconds) {
        return pool.read("counting the running batch jobs of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM batch_jobs WHERE owner = ? AND status = 'running' AND "
                    + unheardFor + " < ?")) {
                ps.setString(1, owner);
                ps.setLong(2, seconds);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void forgetEndedBeyond(int kept) {
        pool.inTransaction("forgetting old batch jobs", c -> {
            // the newest `kept` jobs of all stay, running or not; of the older ones, those that have ended go
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM batch_jobs WHERE status <> 'running' AND id NOT IN "
                    + "(SELECT id FROM batch_jobs ORDER BY created_at DESC, id DESC LIMIT ?)")) {
                ps.setInt(1, kept);
                return ps.executeUpdate();
            }
        });
    }

    private static Optional<String> status(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM batch_jobs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
