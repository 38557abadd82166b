package airzone.store;

import airzone.auth.LoginFailures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The login_*_failures tables (migration V6); same SQL on both stores. */
final class JdbcLoginFailures implements LoginFailures {

    private final Pool pool;

    JdbcLoginFailures(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void add(String name, String address, Instant at, Instant pairForgottenBefore) {
        pool.inTransaction("counting a failed login", c -> {
            update(c, "DELETE FROM login_pair_failures WHERE name = ? AND address = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM login_pair_failures p WHERE p.name = ? AND p.address = ? AND p.at >= ?)",
                    name, address, name, address, Jdbc.timestamp(pairForgottenBefore));
            update(c, "INSERT INTO login_pair_failures (name, address, at) VALUES (?, ?, ?)", name, address, Jdbc.timestamp(at));
            update(c, "INSERT INTO login_name_failures (name, at) VALUES (?, ?)", name, Jdbc.timestamp(at));
            update(c, "INSERT INTO login_address_failures (address, at) VALUES (?, ?)", address, Jdbc.timestamp(at));
            return null;
        });
    }

    @Override
    public Optional<Strikes> pair(String name, String address) {
        return pool.read("reading failed logins", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*), MAX(at) FROM login_pair_failures WHERE name = ? AND address = ?", name, address);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                return count == 0 ? Optional.empty() : Optional.of(new Strikes(count, rs.getObject(2, OffsetDateTime.class).toInstant()));
            }
        });
    }

    @Override
    public Optional<Instant> nthNewestFromAddress(String address, Instant since, int n) {
        return pool.read("reading failed logins", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT at FROM login_address_failures WHERE address = ? AND at >= ? ORDER BY at DESC "
                    + "OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY", address, Jdbc.timestamp(since), n - 1);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        });
    }

    @Override
    public int countForName(String name, Instant since) {
        return pool.read("reading failed logins", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM login_name_failures WHERE name = ? AND at >= ?", name, Jdbc.timestamp(since));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public List<String> addressesFailedFor(String name) {
        return pool.read("reading failed logins", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT DISTINCT address FROM login_pair_failures WHERE name = ? ORDER BY address", name);
                 ResultSet rs = ps.executeQuery()) {
                List<String> addresses = new ArrayList<>();
                while (rs.next()) addresses.add(rs.getString(1));
                return addresses;
            }
        });
    }

    @Override
    public void forgetPair(String name, String address) {
        pool.inTransaction("forgetting failed logins", c -> update(c, "DELETE FROM login_pair_failures WHERE name = ? AND address = ?", name, address));
    }

    @Override
    public boolean forgetName(String name) {
        return pool.inTransaction("forgetting failed logins", c ->
                update(c, "DELETE FROM login_pair_failures WHERE name = ?", name) + update(c, "DELETE FROM login_name_failures WHERE name = ?", name) > 0);
    }

    @Override
    public boolean forgetAddress(String address) {
        return pool.inTransaction("forgetting failed logins", c -> update(c, "DELETE FROM login_pair_failures WHERE address = ?", address)
                + update(c, "DELETE FROM login_address_failures WHERE address = ?", address) > 0);
    }

    @Override
    public void sweep(Instant windowStart, Instant pairsForgottenBefore) {
        pool.inTransaction("sweeping old failed logins", c -> {
            update(c, "DELETE FROM login_name_failures WHERE at < ?", Jdbc.timestamp(windowStart));
            update(c, "DELETE FROM login_address_failures WHERE at < ?", Jdbc.timestamp(windowStart));
            return update(c, "DELETE FROM login_pair_failures WHERE NOT EXISTS (SELECT 1 FROM login_pair_failures p "
                    + "WHERE p.name = login_pair_failures.name AND p.address = login_pair_failures.address AND p.at >= ?)",
                    Jdbc.timestamp(pairsForgottenBefore));
        });
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, parameters)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) ps.setObject(i + 1, parameters[i]);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
