package com.rollercoach.review.library;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The library's SQLite index (xerial sqlite-jdbc): one row per session with its summary metrics and
 * notes, plus its dwell positions for progress across sessions. It is a cache of the session files
 * and can always be rebuilt from them ({@link SessionLibrary#reindex}).
 *
 * <p>The schema is versioned with SQLite's {@code PRAGMA user_version}: {@link #MIGRATIONS}{@code [i]}
 * takes version i to i + 1 and is never edited once released; add a new entry instead.
 */
public final class SessionIndex implements AutoCloseable {
  static final String[] MIGRATIONS = {
    """
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      patient TEXT NOT NULL,
      started_at_ms INTEGER NOT NULL,
      device TEXT NOT NULL,
      calibration TEXT NOT NULL,
      roller_diameter_cm REAL NOT NULL,
      recording TEXT NOT NULL,
      duration_s REAL NOT NULL,
      on_roller_s REAL NOT NULL,
      passes INTEGER NOT NULL,
      rolls INTEGER NOT NULL,
      pace_cm_s REAL NOT NULL,
      range_cm REAL NOT NULL,
      dwells INTEGER NOT NULL,
      hold_s REAL NOT NULL,
      breaths INTEGER NOT NULL,
      breaths_per_min REAL,
      gaps INTEGER NOT NULL,
      gap_s REAL NOT NULL,
      verdicts_met INTEGER NOT NULL,
      verdicts_total INTEGER NOT NULL,
      verdicts TEXT NOT NULL,
      pain_before INTEGER,
      pain_after INTEGER,
      note TEXT NOT NULL
    );
    CREATE INDEX sessions_by_time ON sessions (started_at_ms);
    CREATE INDEX sessions_by_patient_time ON sessions (patient, started_at_ms);
    CREATE TABLE dwells (
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      start_s REAL NOT NULL,
      end_s REAL NOT NULL,
      position_cm REAL NOT NULL
    );
    CREATE INDEX dwells_by_session ON dwells (session_id);
    """,
    // Verdicts are judged when shown, against the prescription in force on the session's date and
    // its positions on the back (review.report.Checks): stored ones froze the protocol defaults.
    """
    ALTER TABLE sessions DROP COLUMN verdicts_met;
    ALTER TABLE sessions DROP COLUMN verdicts_total;
    ALTER TABLE sessions DROP COLUMN verdicts;
    """
  };

  public static final int SCHEMA_VERSION = MIGRATIONS.length;

  private static final String COLUMNS =
      "id, patient, started_at_ms, device, calibration, roller_diameter_cm, recording, duration_s,"
          + " on_roller_s, passes, rolls, pace_cm_s, range_cm, dwells, hold_s, breaths,"
          + " breaths_per_min, gaps, gap_s, pain_before, pain_after, note";

  /** How long to wait for another process's write to the library. */
  static final int BUSY_TIMEOUT_MS = 15_000;

  private final Connection db;
  private final Path root;

  /**
   * Opens (creating or migrating) the index.
   *
   * @param dbFile the SQLite file
   * @param root the data folder; recording paths are stored relative to it so the folder can move
   */
  public SessionIndex(Path dbFile, Path root) throws SQLException {
    this.root = root;
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    // Two processes (the app and `record`, or two imports) may open a new library at once: every
    // write transaction takes the write lock when it begins (IMMEDIATE), and a busy database is
    // waited for instead of failing at once, so the schema is created exactly once.
    config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    this.db = DriverManager.getConnection("jdbc:sqlite:" + dbFile, config.toProperties());
    try (Statement st = db.createStatement()) {
      st.execute("PRAGMA foreign_keys = ON");
      // WAL lets the GUI read while a reindex writes; NORMAL sync is crash-safe in WAL mode.
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA synchronous = NORMAL");
      // A 10,000-session index is ~4 MB: keep it all in the page cache (SQLite's default is 2 MB)
      // and memory-map it, so listing everything does not re-read pages from the OS.
      st.execute("PRAGMA cache_size = -16384");
      st.execute("PRAGMA mmap_size = 67108864");
      migrate();
    } catch (SQLException e) {
      db.close(); // a damaged library.db: the caller may move it aside and rebuild
      throw e;
    }
  }

  private void migrate() throws SQLException {
    if (readVersion() == SCHEMA_VERSION) return;
    db.setAutoCommit(false);
    try (Statement st = db.createStatement()) {
      // Read again inside the (IMMEDIATE, so write-locked) transaction: another process may have
      // created the schema since ("table sessions already exists").
      int version = readVersion();
      if (version == SCHEMA_VERSION) {
        db.commit();
        return;
      }
      for (int v = version; v < SCHEMA_VERSION; v++) {
        for (String sql : MIGRATIONS[v].split(";")) {
          if (!sql.isBlank()) st.execute(sql);
        }
      }
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private int readVersion() throws SQLException {
    int version;
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      version = rs.getInt(1);
    }
    if (version > SCHEMA_VERSION) {
      throw new SQLException("the library index has schema version " + version
          + ", newer than this Roller Coach understands (" + SCHEMA_VERSION
          + "): delete library.db and run `sessions reindex`");
    }
    return version;
  }

  /** Throws unless SQLite's quick integrity check passes and the sessions table reads. */
  void check() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
      String r = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(r)) throw new SQLException("integrity check: " + r);
    }
    count();
  }

  public int schemaVersion() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  /** Inserts or replaces a session and its dwells. */
  public void put(SessionEntry e, List<double[]> dwells) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      putInTransaction(e, dwells);
      if (auto) db.commit();
    } catch (SQLException ex) {
      if (auto) db.rollback();
      throw ex;
    } finally {
      db.setAutoCommit(auto);
    }
  }

  private void putInTransaction(SessionEntry e, List<double[]> dwells) throws SQLException {
    try (PreparedStatement del = db.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
      del.setString(1, e.id());
      del.executeUpdate();
    }
    try (PreparedStatement ins = db.prepareStatement(
        "INSERT INTO sessions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      SessionSummary s = e.summary();
      int i = 1;
      ins.setString(i++, e.id());
      ins.setString(i++, e.patient());
      ins.setLong(i++, e.startedAt().toEpochMilli());
      ins.setString(i++, e.device());
      ins.setString(i++, e.calibration());
      ins.setDouble(i++, e.rollerDiameterCm());
      ins.setString(i++, relative(e.recording()));
      ins.setDouble(i++, s.durationS());
      ins.setDouble(i++, s.onRollerS());
      ins.setInt(i++, s.passes());
      ins.setInt(i++, s.rolls());
      ins.setDouble(i++, s.paceCmS());
      ins.setDouble(i++, s.rangeCm());
      ins.setInt(i++, s.dwells());
      ins.setDouble(i++, s.holdS());
      ins.setInt(i++, s.breaths());
      setNullable(ins, i++, s.breathsPerMin());
      ins.setInt(i++, s.gaps());
      ins.setDouble(i++, s.gapS());
      setNullable(ins, i++, e.notes().painBefore());
      setNullable(ins, i++, e.notes().painAfter());
      ins.setString(i, e.notes().text());
      ins.executeUpdate();
    }
    try (PreparedStatement ins = db.prepareStatement(
        "INSERT INTO dwells (session_id, start_s, end_s, position_cm) VALUES (?,?,?,?)")) {
      for (double[] d : dwells) {
        ins.setString(1, e.id());
        ins.setDouble(2, d[0]);
        ins.setDouble(3, d[1]);
        ins.setDouble(4, d[2]);
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  /** Replaces the whole index with the given sessions, in one transaction. */
  public void replaceAll(Iterable<Indexed> sessions) throws SQLException {
    replaceAll(sessions, List.of());
  }

  /**
   * As {@link #replaceAll(Iterable)}, keeping the rows of {@code keep} as they are: recordings still
   * being written when the reindex looked, whose row {@code record} may add meanwhile.
   */
  public void replaceAll(Iterable<Indexed> sessions, List<String> keep) throws SQLException {
    db.setAutoCommit(false);
    try (Statement st = db.createStatement()) {
      if (keep.isEmpty()) {
        st.execute("DELETE FROM dwells");
        st.execute("DELETE FROM sessions");
      } else {
        String marks = String.join(",", java.util.Collections.nCopies(keep.size(), "?"));
        for (String sql : List.of("DELETE FROM dwells WHERE session_id NOT IN (" + marks + ")",
            "DELETE FROM sessions WHERE id NOT IN (" + marks + ")")) {
          try (PreparedStatement del = db.prepareStatement(sql)) {
            for (int i = 0; i < keep.size(); i++) del.setString(i + 1, keep.get(i));
            del.executeUpdate();
          }
        }
      }
      for (Indexed s : sessions) putInTransaction(s.entry(), s.dwells());
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** A session with its dwells as [startS, endS, positionCm] (seconds from the session start). */
  public record Indexed(SessionEntry entry, List<double[]> dwells) {}

  public void updateNotes(String id, SessionNotes notes) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(
        "UPDATE sessions SET pain_before = ?, pain_after = ?, note = ? WHERE id = ?")) {
      setNullable(st, 1, notes.painBefore());
      setNullable(st, 2, notes.painAfter());
      st.setString(3, notes.text());
      st.setString(4, id);
      if (st.executeUpdate() != 1) throw new SQLException("no session " + id + " in the index");
    }
  }

  public boolean delete(String id) throws SQLException {
    try (PreparedStatement st = db.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
      st.setString(1, id);
      return st.executeUpdate() == 1;
    }
  }

  public Optional<SessionEntry> get(String id) throws SQLException {
    try (PreparedStatement st =
        db.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Ids starting with the prefix (for typing a short id), at most a few. */
  public List<String> idsStartingWith(String prefix) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(
        "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 10")) {
      st.setInt(1, prefix.length());
      st.setString(2, prefix);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  /** How many session ids start with {@code prefix}. */
  public int countIdsStartingWith(String prefix) throws SQLException {
    try (PreparedStatement st = db.prepareStatement("SELECT count(*) FROM sessions WHERE substr(id, 1, ?) = ?")) {
      st.setInt(1, prefix.length());
      st.setString(2, prefix);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** Sessions matching the filter, newest first. */
  public List<SessionEntry> list(SessionFilter f) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sessions WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    f.patient().ifPresent(p -> {
      sql.append(" AND patient = ?");
      args.add(p);
    });
    f.from().ifPresent(t -> {
      sql.append(" AND started_at_ms >= ?");
      args.add(t.toEpochMilli());
    });
    f.to().ifPresent(t -> {
      sql.append(" AND started_at_ms < ?");
      args.add(t.toEpochMilli());
    });
    sql.append(" ORDER BY started_at_ms DESC, id");
    if (f.limit() > 0) sql.append(" LIMIT ").append(f.limit());
    try (PreparedStatement st = db.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
      List<SessionEntry> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(read(rs));
      }
      return out;
    }
  }

  /** Every patient name in the library, sorted. */
  public List<String> patients() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT patient FROM sessions ORDER BY patient")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** Dwells of one session as [startS, endS, positionCm], seconds from its start, in time order. */
  public List<double[]> dwells(String sessionId) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(
        "SELECT start_s, end_s, position_cm FROM dwells WHERE session_id = ? ORDER BY start_s")) {
      st.setString(1, sessionId);
      List<double[]> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
      }
      return out;
    }
  }

  public int count() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM sessions")) {
      return rs.getInt(1);
    }
  }

  /** Reads a row by column position (in {@link #COLUMNS} order): name lookups cost ~40% of a list. */
  private SessionEntry read(ResultSet rs) throws SQLException {
    SessionSummary s = new SessionSummary(
        rs.getDouble(8),
        rs.getDouble(9),
        rs.getInt(10),
        rs.getInt(11),
        rs.getDouble(12),
        rs.getDouble(13),
        rs.getInt(14),
        rs.getDouble(15),
        rs.getInt(16),
        nullableDouble(rs, 17),
        rs.getInt(18),
        rs.getDouble(19));
    SessionNotes notes =
        new SessionNotes(nullableInt(rs, 20), nullableInt(rs, 21), rs.getString(22));
    return new SessionEntry(
        rs.getString(1),
        rs.getString(2),
        Instant.ofEpochMilli(rs.getLong(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getDouble(6),
        root.resolve(rs.getString(7)),
        s,
        notes);
  }

  private String relative(Path recording) {
    Path abs = recording.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    return abs.startsWith(r) ? r.relativize(abs).toString() : abs.toString();
  }

  private static void setNullable(PreparedStatement st, int i, double v) throws SQLException {
    if (Double.isNaN(v)) st.setNull(i, Types.REAL);
    else st.setDouble(i, v);
  }

  private static void setNullable(PreparedStatement st, int i, OptionalInt v) throws SQLException {
    if (v.isPresent()) st.setInt(i, v.getAsInt());
    else st.setNull(i, Types.INTEGER);
  }

  private static double nullableDouble(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static OptionalInt nullableInt(ResultSet rs, int col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
