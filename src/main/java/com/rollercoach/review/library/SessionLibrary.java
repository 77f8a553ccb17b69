package com.rollercoach.review.library;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.review.analysis.Recordings;
import com.rollercoach.review.analysis.RecordingFormatException;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.SessionReplay;
import com.rollercoach.review.library.SidecarJson.StoredAnalysis;
import com.rollercoach.io.InputFileException;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.csv.CsvSampleWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The physio's session library: a data folder holding every recorded or imported session, indexed in
 * SQLite.
 *
 * <pre>
 * DATA/library.db                      the index (a cache: {@link #reindex} rebuilds it)
 * DATA/sessions/ID.csv (or recording)  the raw session, never modified
 * DATA/sessions/ID.session.json        patient, date, device, calibration, notes
 * DATA/sessions/ID.analysis.json       what the pipeline found, with the data quality
 * </pre>
 *
 * Recordings that the live recorder drops into {@code sessions/} without sidecars are adopted by the
 * next {@link #reindex}: their manifest is made from the recording's metadata — unless they are
 * shorter than {@link #MIN_SESSION_S} ({@link #isListable}), which stay files, not sessions.
 */
public final class SessionLibrary implements AutoCloseable {
  public static final String UNKNOWN_PATIENT = "unknown";

  /**
   * Recordings shorter than this are kept as files but not listed as sessions: a wrong port, a false
   * start. A real session (10 rolls and a one-minute extension hold) lasts several minutes. One rule
   * for every way a recording enters the library by itself: the end of a live session, {@link
   * #adopt}, {@link #reindex}. An explicit {@code sessions import} lists whatever it is given.
   */
  public static final double MIN_SESSION_S = 60;

  /** Whether a recording of {@code durationS} seconds of samples is listed as a session. */
  public static boolean isListable(double durationS) {
    return durationS >= MIN_SESSION_S;
  }
  static final String MANIFEST_SUFFIX = ".session.json";
  static final String ANALYSIS_SUFFIX = ".analysis.json";

  /**
   * What a session id may be: a file name stem of at most 128 characters, without path separators or
   * control characters, not starting with a dot, never containing "..". Ids name files in {@code
   * sessions/} (a recording's own name, "session (1)" included); a manifest or index row saying
   * {@code ../../victim/pwn} must not make the library write or delete anything outside it.
   */
  static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[^./\\\\\\p{Cntrl}][^/\\\\\\p{Cntrl}]{0,127}");

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path root;
  private final Path sessionsDir;
  private final SessionIndex index;
  private final CoachingTargets targets;
  private Path movedAside;

  private SessionLibrary(Path root, CoachingTargets targets) throws IOException {
    this.root = root;
    this.sessionsDir = root.resolve("sessions").toAbsolutePath().normalize();
    this.targets = targets;
    Files.createDirectories(sessionsDir);
    try {
      this.index = new SessionIndex(root.resolve("library.db"), root);
    } catch (SQLException e) {
      throw new IOException(root.resolve("library.db") + ": " + e.getMessage() + (damaged(e)
          ? " (the index is damaged: `roller-coach sessions reindex` rebuilds it from the recordings)" : ""), e);
    }
  }

  /** Whether SQLite refused the index file itself (not a database, or corrupt), which reindex mends. */
  private static boolean damaged(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT");
  }

  /** Opens the library in {@code root}, creating the folder and index when needed. */
  public static SessionLibrary open(Path root) throws IOException {
    return open(root, CoachingTargets.defaults());
  }

  public static SessionLibrary open(Path root, CoachingTargets targets) throws IOException {
    return new SessionLibrary(root, targets);
  }

  /**
   * Opens the library to rebuild its index: {@code library.db} is a cache, so one SQLite cannot
   * open or that fails its integrity check is moved aside (to {@code library.db.damaged-TIME}, kept
   * for a post-mortem, never deleted) and a new one is created for {@link #reindex} to fill.
   */
  public static SessionLibrary openForReindex(Path root) throws IOException {
    Path db = root.resolve("library.db");
    try {
      SessionLibrary lib = new SessionLibrary(root, CoachingTargets.defaults());
      try {
        lib.index.check();
        return lib;
      } catch (java.sql.SQLException e) {
        lib.close();
      }
    } catch (IOException e) {
      if (!Files.isRegularFile(db)) throw e;
    }
    String stamp = ID_TIME.format(Instant.now());
    Path aside = db.resolveSibling("library.db.damaged-" + stamp);
    Files.move(db, aside);
    for (String side : List.of("-wal", "-shm")) {
      Path f = db.resolveSibling("library.db" + side);
      if (Files.exists(f)) Files.move(f, aside.resolveSibling(aside.getFileName() + side));
    }
    SessionLibrary lib = new SessionLibrary(root, CoachingTargets.defaults());
    lib.movedAside = aside;
    return lib;
  }

  /** Where a damaged index was moved by {@link #openForReindex}, if it was. */
  public Optional<Path> damagedIndexMovedTo() {
    return Optional.ofNullable(movedAside);
  }

  /**
   * The data folder for a folder a user or a setting names: the folder itself, or its parent when it
   * is the {@code sessions/} folder inside a data folder (what {@code record} and the app's settings
   * point at).
   */
  public static Path rootOf(Path folder) {
    Path name = folder.getFileName();
    boolean isSessionsDir = name != null && name.toString().equals("sessions")
        && !Files.isDirectory(folder.resolve("sessions")) && folder.getParent() != null;
    return isSessionsDir ? folder.getParent() : folder;
  }

  /** Whether {@code root} holds a library already (opening one where none is creates it). */
  public static boolean existsIn(Path root) {
    return Files.isRegularFile(root.resolve("library.db"));
  }

  /** The default data folder, {@code ~/.roller-coach}. */
  public static Path defaultRoot() {
    return com.rollercoach.io.DataFolder.defaultRoot();
  }

  public Path root() {
    return root;
  }

  public Path sessionsDir() {
    return sessionsDir;
  }

  public SessionIndex index() {
    return index;
  }

  public CoachingTargets targets() {
    return targets;
  }

  /** What to record about an imported session; empty fields come from the file's metadata. */
  public record ImportOptions(
      Optional<String> patient,
      Optional<Instant> startedAt,
      Optional<String> calibration,
      Optional<Double> rollerDiameterCm,
      SessionNotes notes) {
    public static ImportOptions defaults() {
      return new ImportOptions(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SessionNotes.none());
    }

    public ImportOptions withPatient(String p) {
      return new ImportOptions(Optional.of(p), startedAt, calibration, rollerDiameterCm, notes);
    }

    public ImportOptions withStartedAt(Instant t) {
      return new ImportOptions(patient, Optional.of(t), calibration, rollerDiameterCm, notes);
    }
  }

  /**
   * Copies a session into the library, analyses it and indexes it. Recordings and Roller Coach CSV
   * are stored as they are; any other format the opener reads (a sensor export folder or zip, a
   * serial capture) is stored as the CSV it converts to, so the library only ever reads its own
   * formats. The same content imported twice is refused, whatever the file's name, place or date:
   * the stored file's content hash is part of the id.
   */
  public SessionEntry importSession(Path file, ImportOptions opts) throws IOException {
    var source = Recordings.open(file);
    SessionMetadata meta = source.metadata();
    SessionFile session = Recordings.file(source);
    boolean recorded = session instanceof SessionFiles.Recording;
    boolean stored = recorded || session instanceof SessionFiles.Csv;
    Path staged = stored ? file : asCsv(session, meta);
    try {
      String hash = contentHash(staged);
      Optional<String> same = idWithHash(hash);
      if (same.isPresent()) {
        throw new IOException(file + ": already in the library as session " + same.get() + " (same content)");
      }
      Instant started = opts.startedAt()
          .or(() -> startTime(meta))
          .orElse(Files.getLastModifiedTime(file).toInstant());
      String id = ID_TIME.format(started) + "-" + hash;
      Path recording = sessionsDir.resolve(id + (recorded ? ".rcrec" : ".csv"));
      if (Files.exists(recording)) {
        throw new IOException(file + ": already in the library as session " + id);
      }
      if (stored) Files.copy(file, recording);
      else Files.move(staged, recording);
      try {
        return register(file, opts, meta, id, recording);
      } catch (RecordingFormatException e) {
        // The reader names the file it read, the library's copy (DATA/sessions/ID.csv:210: …), which
        // the physio never saw and which is deleted again: name the file they gave.
        String m = String.valueOf(e.getMessage());
        if (!m.startsWith(recording.toString())) throw e;
        throw new RecordingFormatException(file + m.substring(recording.toString().length()));
      }
    } finally {
      if (!stored) Files.deleteIfExists(staged);
    }
  }

  /** A session converted to the library's CSV, in a temporary file beside the sessions. */
  private Path asCsv(SessionFile session, SessionMetadata meta) throws IOException {
    Path tmp = Files.createTempFile(sessionsDir, ".import-", ".csv.tmp");
    try (CsvSampleWriter csv = CsvSampleWriter.create(tmp, meta)) {
      session.readTo(csv);
      csv.end();
    } catch (InputFileException e) {
      Files.deleteIfExists(tmp);
      throw new IOException(e.getMessage(), e);
    }
    return tmp;
  }

  /** The session whose stored file has this content hash, if any. */
  private Optional<String> idWithHash(String hash) throws IOException {
    try (var files = Files.list(sessionsDir)) {
      return files.map(p -> stem(p)).filter(n -> n.endsWith("-" + hash)).findFirst();
    }
  }

  private SessionEntry register(Path file, ImportOptions opts, SessionMetadata meta, String id, Path recording)
      throws IOException {
    Instant started = opts.startedAt()
        .or(() -> startTime(meta))
        .orElse(Files.getLastModifiedTime(file).toInstant());
    try {
      SessionManifest manifest = new SessionManifest(
          id,
          opts.patient().or(() -> patientIn(meta)).orElse(UNKNOWN_PATIENT),
          started,
          deviceIn(meta),
          opts.calibration().orElse(calibrationIn(meta)),
          opts.rollerDiameterCm().orElse(diameterIn(meta)),
          file.toAbsolutePath().toString(),
          opts.notes());
      SidecarJson.writeManifest(manifestFile(id), manifest);
      return index(recording, manifest);
    } catch (IOException | RuntimeException e) {
      deleteFiles(id, recording);
      throw e;
    }
  }

  /**
   * Indexes one recording that is already in {@code sessions/} (where the live recorder writes): what
   * {@link #reindex} does for it — adopt it from its metadata unless it has a manifest, analyse it,
   * store the analysis beside it, index it — without rescanning the folder. The recording is only
   * read; if this fails it stays where it is for the next reindex.
   */
  public SessionEntry adopt(Path recording) throws IOException {
    Path rec = sessionsDir.resolve(recording.getFileName().toString());
    if (!Files.isSameFile(rec, recording)) throw new IOException(recording + ": not in " + sessionsDir);
    if (!Recordings.isRecording(rec)) throw new IOException(recording + ": not a session file " + Recordings.EXTENSIONS);
    if (com.rollercoach.io.recording.RecordingLock.isBeingWritten(rec)) {
      throw new IOException(recording + ": still being recorded");
    }
    String id = stem(rec);
    if (Files.exists(manifestFile(id))) return index(rec, manifestFor(rec, id));
    SessionManifest m = newManifest(rec, id);
    StoredAnalysis stored = analyse(rec, m);
    if (!listed(stored, id)) {
      throw new IOException(String.format(Locale.ROOT,
          "%s: %.0f s of data is no session (the file is kept, not listed)", rec.getFileName(),
          stored.analysis().durationS()));
    }
    SidecarJson.writeManifest(manifestFile(id), m);
    return index(rec, m, stored);
  }

  /** The session's manifest, checked to be its own. */
  private SessionManifest manifestFor(Path rec, String id) throws IOException {
    Path mf = manifestFile(id);
    SessionManifest m = SidecarJson.readManifest(mf);
    if (!m.id().equals(id)) {
      throw new IOException(mf + ": manifest id '" + m.id() + "' does not match its file (expected '" + id + "')");
    }
    return m;
  }

  public List<SessionEntry> list(SessionFilter filter) throws IOException {
    try {
      return index.list(filter);
    } catch (SQLException e) {
      throw sql(e);
    }
  }

  /** The session with this id, or the only one whose id starts with it. */
  public SessionEntry get(String idOrPrefix) throws IOException {
    // "" is the start of every id: it showed (or deleted!) whichever session came first
    if (idOrPrefix == null || idOrPrefix.isBlank()) {
      throw new IOException("no session id given: give an id or its first characters (sessions list shows them)");
    }
    try {
      Optional<SessionEntry> exact = index.get(idOrPrefix);
      if (exact.isPresent()) return exact.get();
      List<String> ids = index.idsStartingWith(idOrPrefix);
      if (ids.size() == 1) return index.get(ids.get(0)).orElseThrow();
      if (ids.isEmpty()) throw new IOException("no session " + idOrPrefix + " in " + root);
      // ids lists at most 10: say how many there are, and that the list goes on
      int n = index.countIdsStartingWith(idOrPrefix);
      throw new IOException("session id " + idOrPrefix + " is ambiguous (" + n + " sessions): "
          + String.join(", ", ids) + (n > ids.size() ? ", …" : ""));
    } catch (SQLException e) {
      throw sql(e);
    }
  }

  public List<double[]> dwells(String id) throws IOException {
    try {
      return index.dwells(id);
    } catch (SQLException e) {
      throw sql(e);
    }
  }

  public List<String> patients() throws IOException {
    try {
      return index.patients();
    } catch (SQLException e) {
      throw sql(e);
    }
  }

  /** Sets a session's notes; null arguments keep what is there. Written to the manifest first. */
  public SessionEntry note(String idOrPrefix, Integer painBefore, Integer painAfter, String text)
      throws IOException {
    SessionEntry e = get(idOrPrefix);
    SessionNotes notes = e.notes().merge(painBefore, painAfter, text);
    Path mf = manifestFile(e.id());
    SessionManifest m = Files.exists(mf) ? SidecarJson.readManifest(mf) : manifestOf(e);
    SidecarJson.writeManifest(mf, m.withNotes(notes));
    try {
      index.updateNotes(e.id(), notes);
    } catch (SQLException ex) {
      throw sql(ex);
    }
    return e.withNotes(notes);
  }

  /** Removes a session's files and its index row. */
  public SessionEntry delete(String idOrPrefix) throws IOException {
    SessionEntry e = get(idOrPrefix);
    delete(e);
    return e;
  }

  /** Removes the files and index row of a session already looked up (by {@link #get}): no second lookup. */
  public void delete(SessionEntry e) throws IOException {
    try {
      index.delete(e.id());
    } catch (SQLException ex) {
      throw sql(ex);
    }
    deleteFiles(e.id(), e.recording());
  }

  /** Replays a session's recording through the pipeline (for reports: s(t) is not stored). */
  public ReplayResult replay(SessionEntry e) throws IOException {
    return SessionReplay.replay(Recordings.open(inSessions(e.recording())), pipelineConfig(e), false);
  }

  /** Receives reindex progress. */
  @FunctionalInterface
  public interface Progress {
    void step(int done, int total, String current);
  }

  /**
   * What a reindex did.
   *
   * @param changes one line per session whose indexed metrics changed, appeared or went away
   * @param notListed recordings without a manifest shorter than {@link #MIN_SESSION_S}: kept, not
   *     listed
   */
  public record ReindexResult(
      int indexed, int analysed, List<String> problems, List<String> changes, List<String> notListed) {}

  /** {@link #reindex(boolean, int, Progress)} with one thread per core. */
  public ReindexResult reindex(boolean reanalyse, Progress progress) throws IOException {
    return reindex(reanalyse, ParallelReindex.defaultThreads(), progress);
  }

  /**
   * Rebuilds the index from the files in {@code sessions/}. Stored analyses are reused unless the
   * recording is newer or {@code reanalyse} is set; recordings without a manifest are adopted. A
   * session that cannot be read is reported and skipped, never deleted. Recordings are analysed on
   * {@code threads} threads ({@link ParallelReindex}); the result does not depend on their number.
   */
  public ReindexResult reindex(boolean reanalyse, int threads, Progress progress) throws IOException {
    List<Path> recordings;
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(sessionsDir)) {
      recordings = files.filter(Files::isRegularFile).filter(Recordings::isRecording).sorted().toList();
    }
    // A recording still being written is not adopted: its row would go stale (record indexes it
    // when it ends), and its analysis would stop at whatever was flushed so far.
    List<Path> inProgress = recordings.stream().filter(com.rollercoach.io.recording.RecordingLock::isBeingWritten).toList();
    inProgress.forEach(r -> problems.add(r.getFileName() + ": still being recorded; indexed when it ends"));
    recordings = recordings.stream().filter(r -> !inProgress.contains(r)).toList();
    List<SessionEntry> before;
    try {
      before = index.list(SessionFilter.all());
    } catch (SQLException e) {
      before = List.of(); // an unreadable index is what reindex repairs: every session is then "new"
    }
    List<SessionIndex.Indexed> rows = new ArrayList<>(recordings.size());
    List<String> notListed = new ArrayList<>();
    int analysed = 0;
    for (ParallelReindex.Outcome o :
        ParallelReindex.run(recordings, threads, rec -> reindexOne(rec, reanalyse), progress)) {
      if (o.problem() != null) {
        problems.add(o.problem());
      } else if (o.row() == null) {
        notListed.add(o.recording().getFileName().toString());
      } else {
        rows.add(o.row());
        if (o.analysed()) analysed++;
      }
    }
    try {
      index.replaceAll(rows, inProgress.stream().map(SessionLibrary::stem).toList());
    } catch (SQLException e) {
      throw sql(e);
    }
    return new ReindexResult(
        rows.size(), analysed, problems, ParallelReindex.changes(before, rows), notListed);
  }

  /** One recording of a reindex; safe to run for different recordings at once (own files only). */
  private ParallelReindex.Outcome reindexOne(Path rec, boolean reanalyse) {
    String id = stem(rec);
    try {
      boolean adopting = !Files.exists(manifestFile(id));
      SessionManifest m = adopting ? newManifest(rec, id) : manifestFor(rec, id);
      Path af = analysisFile(id);
      boolean fresh = !reanalyse && Files.exists(af)
          && !Files.getLastModifiedTime(af).toInstant()
              .isBefore(Files.getLastModifiedTime(rec).toInstant());
      StoredAnalysis stored = fresh ? SidecarJson.readAnalysis(af) : analyse(rec, m);
      if (adopting && !listed(stored, id)) return new ParallelReindex.Outcome(rec, null, !fresh, null);
      if (adopting) SidecarJson.writeManifest(manifestFile(id), m);
      m = withRecordingNote(m, stored);
      return new ParallelReindex.Outcome(rec, indexed(rec, m, stored), !fresh, null);
    } catch (IOException | RuntimeException e) {
      return new ParallelReindex.Outcome(rec, null, false, rec.getFileName() + ": " + e.getMessage());
    }
  }

  /**
   * Whether an adopted recording is listed ({@link #isListable}); if not, its analysis is not kept
   * either, so that the folder holds only the file the recorder wrote.
   */
  private boolean listed(StoredAnalysis stored, String id) throws IOException {
    if (isListable(stored.analysis().durationS())) return true;
    Files.deleteIfExists(analysisFile(id));
    return false;
  }

  /** A manifest made from the recording's own metadata, not yet written. */
  private SessionManifest newManifest(Path rec, String id) throws IOException {
    SessionMetadata meta = Recordings.open(rec).metadata();
    SessionManifest m = new SessionManifest(
        id,
        patientIn(meta).orElse(UNKNOWN_PATIENT),
        startTime(meta).orElse(Files.getLastModifiedTime(rec).toInstant()),
        deviceIn(meta),
        calibrationIn(meta),
        diameterIn(meta),
        "recorded",
        SessionNotes.none());
    return m;
  }

  /** Analyses a recording, stores the analysis beside it and indexes the session. */
  private SessionEntry index(Path rec, SessionManifest m) throws IOException {
    return index(rec, m, analyse(rec, m));
  }

  private SessionEntry index(Path rec, SessionManifest m, StoredAnalysis stored) throws IOException {
    m = withRecordingNote(m, stored);
    SessionIndex.Indexed row = indexed(rec, m, stored);
    try {
      synchronized (index) { // imports of several files analyse in parallel (ParallelReindex.map)
        index.put(row.entry(), row.dwells());
      }
    } catch (SQLException e) {
      throw sql(e);
    }
    return row.entry();
  }

  /**
   * A recording that was interrupted (kill -9, power cut) or damaged says so in the session's notes,
   * where the library list, {@code sessions show} and the report all show it. Added once, kept in
   * the manifest; the physio's own text stays as it is.
   */
  private SessionManifest withRecordingNote(SessionManifest m, StoredAnalysis stored) throws IOException {
    String note = stored.quality().recordingNote();
    if (note.isEmpty() || m.notes().text().contains(note)) return m;
    String text = m.notes().text().isBlank() ? "Recording " + note : m.notes().text() + "\nRecording " + note;
    SessionManifest noted = m.withNotes(m.notes().merge(null, null, text));
    SidecarJson.writeManifest(manifestFile(m.id()), noted);
    return noted;
  }

  private StoredAnalysis analyse(Path rec, SessionManifest m) throws IOException {
    PipelineConfig config = PipelineConfig.defaults().withRollerDiameterCm(m.rollerDiameterCm());
    ReplayResult r = SessionReplay.replay(Recordings.open(rec), config, false);
    SidecarJson.writeAnalysis(analysisFile(m.id()), r.analysis(), r.quality());
    return new StoredAnalysis(r.analysis(), r.quality());
  }

  private SessionIndex.Indexed indexed(Path rec, SessionManifest m, StoredAnalysis s) {
    SessionEntry e = new SessionEntry(
        m.id(), m.patient(), m.startedAt(), m.device(), m.calibration(), m.rollerDiameterCm(), rec,
        Summaries.of(s.analysis()), m.notes());
    double t0 = s.analysis().startS();
    List<double[]> dwells = s.analysis().dwells().stream()
        .map(d -> new double[] {d.startS() - t0, d.endS() - t0, d.positionCm()}).toList();
    return new SessionIndex.Indexed(e, dwells);
  }

  private static SessionManifest manifestOf(SessionEntry e) {
    return new SessionManifest(e.id(), e.patient(), e.startedAt(), e.device(), e.calibration(),
        e.rollerDiameterCm(), "recorded", e.notes());
  }

  /** The pipeline settings a session was analysed with. */
  public static PipelineConfig pipelineConfig(SessionEntry e) {
    return PipelineConfig.defaults().withRollerDiameterCm(e.rollerDiameterCm());
  }

  Path manifestFile(String id) throws IOException {
    return inSessions(sessionsDir.resolve(checkedId(id) + MANIFEST_SUFFIX));
  }

  Path analysisFile(String id) throws IOException {
    return inSessions(sessionsDir.resolve(checkedId(id) + ANALYSIS_SUFFIX));
  }

  /** The id if it matches {@link #ID}, else an IOException naming it. */
  public static String checkedId(String id) throws IOException {
    if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
      throw new IOException("session id '" + id + "' is not valid (a file name in sessions/, without / \\ or ..)");
    }
    return id;
  }

  /**
   * {@code file} if it lies directly in {@code sessions/}, else an IOException: every path the
   * library writes, reads or deletes is resolved inside the data folder, whatever its files say.
   */
  public Path inSessions(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize(); // index paths are root.resolve(row), like sessionsDir
    if (!sessionsDir.equals(abs.getParent())) {
      throw new IOException(file + ": outside the library's sessions folder " + sessionsDir + "; refused");
    }
    return abs;
  }

  private void deleteFiles(String id, Path recording) throws IOException {
    Path rec = inSessions(recording);
    Path mf = manifestFile(id);
    Path af = analysisFile(id);
    Files.deleteIfExists(rec);
    Files.deleteIfExists(mf);
    Files.deleteIfExists(af);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Metadata keys a recorder may use for the start time, in order of preference. */
  private static final List<String> START_KEYS = List.of(SessionMetadata.START_TIME, "started_at", "recorded_at", "date");

  /** The start time a recorder wrote in the metadata, if any. */
  public static Optional<Instant> startTime(SessionMetadata meta) {
    for (String key : START_KEYS) {
      String v = meta.get(key);
      if (v == null || v.isBlank()) continue;
      try {
        return Optional.of(Instant.parse(v.trim()));
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(LocalDateTime.parse(v.trim()).atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException ignored) {
          // not a timestamp in this key: try the next
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The patient a recorder wrote in an explicit {@code patient} field, and nothing else: the
   * simulator's {@code profile} is a made-up person's archetype ("stiff"), and the real tools' headers
   * (x-IMU3, phyphox, Arduino loggers) name only a device, so taking any other key would file a
   * session under someone who is not a patient.
   */
  private static Optional<String> patientIn(SessionMetadata meta) {
    String p = meta.get("patient");
    return p == null || p.isBlank() ? Optional.empty() : Optional.of(p.trim());
  }

  private static String deviceIn(SessionMetadata meta) {
    String d = meta.get(SessionMetadata.DEVICE);
    if (d == null) d = meta.get("device_id");
    if (d == null) return "";
    String model = meta.get(SessionFiles.SENSOR_MODEL);
    return model == null || model.isBlank() ? d.trim() : d.trim() + " (" + model.trim() + ")";
  }

  private static String calibrationIn(SessionMetadata meta) {
    String c = meta.get("calibration");
    return c == null || c.isBlank() ? "self-calibrating" : c.trim();
  }

  private static double diameterIn(SessionMetadata meta) {
    double d = meta.number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
    // An implausible recorded diameter is kept as written: the analysis refuses it with one line
    // (SessionReplay), instead of the library quietly analysing with a different roller.
    return d;
  }

  /** First 8 hex digits of the file's SHA-256: the same file imported twice gets the same id. */
  private static String contentHash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
      return HexFormat.of().formatHex(sha.digest(), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private IOException sql(SQLException e) {
    return new IOException(root.resolve("library.db") + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    try {
      index.close();
    } catch (SQLException e) {
      throw sql(e);
    }
  }
}
