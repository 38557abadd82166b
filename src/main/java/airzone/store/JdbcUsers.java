package airzone.store;

import airzone.auth.Account;
import airzone.auth.Role;
import airzone.auth.Session;
import airzone.auth.UserStore;
import airzone.layer.AuditLine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users and sessions tables; same SQL on both stores. */
final class JdbcUsers implements UserStore {

    private final Pool pool;

    JdbcUsers(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Optional<Account> find(String name) {
        return pool.read("reading user " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE name = ?")) {
                ps.setString(1, name);
                return accounts(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<Account> list() {
        return pool.read("listing users", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users ORDER BY name")) {
                return accounts(ps);
            }
        });
    }

    @Override
    public boolean add(Account a, AuditLine audit) {
        return pool.inTransaction("adding user " + a.name(), c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM users WHERE name = ?")) {
                exists.setString(1, a.name());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (name, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, a.name());
                ps.setString(2, a.passwordHash());
                ps.setString(3, a.role().id());
                ps.setBoolean(4, a.disabled());
                ps.setObject(5, Jdbc.timestamp(a.createdAt()));
                ps.executeUpdate();
            }
            AuditRows.insert(c, pool.dialect(), Jdbc.now(), audit);
            return true;
        });
    }

    @Override
    public boolean update(Account a, AuditLine audit) {
        return pool.inTransaction("changing user " + a.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, role = ?, disabled = ? WHERE name = ?")) {
                ps.setString(1, a.passwordHash());
                ps.setString(2, a.role().id());
                ps.setBoolean(3, a.disabled());
                ps.setString(4, a.name());
                if (ps.executeUpdate() != 1) return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
                ps.setString(1, a.name());
                ps.executeUpdate();
            }
            AuditRows.insert(c, pool.dialect(), Jdbc.now(), audit);
            return true;
        });
    }

    @Override
    public void audit(AuditLine line) {
        pool.inTransaction("recording " + line.action(), c -> {
            AuditRows.insert(c, pool.dialect(), Jdbc.now(), line);
            return null;
        });
    }

    @Override
    public void putSession(Session s) {
        pool.inTransaction("opening a session", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (token_hash, username, csrf, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, s.tokenHash());
                ps.setString(2, s.user());
                ps.setString(3, s.csrf());
                ps.setObject(4, Jdbc.timestamp(s.expiresAt()));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Session> session(String tokenHash) {
        return pool.read("reading a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Session(rs.getString("token_hash"), rs.getString("username"),
                            rs.getString("csrf"), Jdbc.instant(rs, "expires_at")));
                }
            }
        });
    }

    @Override
    public void deleteSession(String tokenHash) {
        pool.inTransaction("ending a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void deleteSessionsExpiredBefore(Instant now) {
        pool.inTransaction("ending expired sessions", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
                ps.setObject(1, Jdbc.timestamp(now));
                return ps.executeUpdate();
            }
        });
    }


    private static List<Account> accounts(PreparedStatement ps) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                accounts.add(new Account(rs.getString("name"), rs.getString("password_hash"),
                        Role.parse(rs.getString("role")).orElse(Role.VIEWER), rs.getBoolean("disabled"),
                        Jdbc.instant(rs, "created_at")));
            }
        }
        return accounts;
    }
}
