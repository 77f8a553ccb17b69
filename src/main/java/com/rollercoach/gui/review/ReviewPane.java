package com.rollercoach.gui.review;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.report.Checks;
import com.rollercoach.review.report.CompareReport;
import com.rollercoach.review.report.LibraryChecks;
import com.rollercoach.review.report.ReviewSession;
import com.rollercoach.review.report.SessionReport;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The physio's review screen: the session library with filters, the selected session's zoomable
 * charts and event table (click an event and the charts jump to it), two sessions side by side, and
 * the HTML report opened in the browser. Self-contained: construct it with the data folder and put it
 * anywhere in a scene.
 *
 * <p>All library and file work runs on one background thread; the FX thread only shows results.
 */
public final class ReviewPane extends BorderPane {
  /** Loads what a session's charts need (a replay of its recording through the pipeline). */
  @FunctionalInterface
  interface ReplayLoader {
    ReplayResult load(SessionLibrary library, SessionEntry entry) throws IOException;
  }

  static final String ALL_PATIENTS = "All patients";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final Path dataDir;
  private final ReplayLoader loader;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "review-worker");
    t.setDaemon(true);
    return t;
  });
  private final com.rollercoach.review.report.ReviewSessions reviews;
  private final ComboBox<String> patient = new ComboBox<>();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final TableView<SessionEntry> table = new TableView<>();
  private final HBox details = new HBox(10);
  private final Label status = new Label();
  private final Button compare = new Button("Side by side");
  private final Button report = new Button("Open report");
  private Consumer<URI> browser = ReviewPane::openInDesktopBrowser;
  /** Each listed session's checks by id, replaced with the list (FX thread only). */
  private Map<String, Checks> checks = Map.of();
  /** Each column's text by its header, for {@link #cellText}. */
  private final Map<String, Function<SessionEntry, String>> columnText = new HashMap<>();

  /**
   * @param dataDir the data folder (holding {@code sessions/} and {@code library.db}), or its {@code
   *     sessions/} folder
   */
  public ReviewPane(Path dataDir) {
    this(dataDir, SessionLibrary::replay);
  }

  ReviewPane(Path dataDir, ReplayLoader loader) {
    this.dataDir = SessionLibrary.rootOf(dataDir);
    this.loader = loader;
    this.reviews = new com.rollercoach.review.report.ReviewSessions(this.dataDir);
    setPadding(new Insets(8));
    setTop(filterBar());
    buildTable();
    StackPane detailArea = new StackPane(details);
    details.setFillHeight(true);
    // Fits the height it is given, and scrolls rather than spill over the filter bar and cut the notes
    // off when its least (a wrapped heading, two charts, five event rows, the notes) is taller.
    javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detailArea);
    detailScroll.setId("detailScroll");
    detailScroll.setFitToWidth(true);
    detailScroll.setFitToHeight(true);
    detailScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    detailScroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
    SplitPane split = new SplitPane(table, detailScroll);
    split.setDividerPositions(0.42);
    setCenter(split);
    status.setId("status");
    setBottom(status);
    showPlaceholder("Select a session to review it.");
    refresh();
  }

  /**
   * How "Open report" shows a file: by default the desktop browser (java.awt.Desktop); a host
   * application can pass {@code HostServices::showDocument} instead. Called off the FX thread.
   */
  public void setBrowser(Consumer<URI> browser) {
    this.browser = browser;
  }

  private HBox filterBar() {
    patient.setId("patientFilter");
    patient.getItems().add(ALL_PATIENTS);
    patient.setValue(ALL_PATIENTS);
    patient.setOnAction(e -> refresh());
    from.setId("fromDate");
    from.setPromptText("from");
    from.setOnAction(e -> refresh());
    from.setPrefWidth(130);
    to.setId("toDate");
    to.setPromptText("to");
    to.setOnAction(e -> refresh());
    to.setPrefWidth(130);
    compare.setId("compare");
    compare.setDisable(true);
    compare.setOnAction(e -> showSelected());
    report.setId("openReport");
    report.setDisable(true);
    report.setOnAction(e -> openReport());
    Button export = new Button("Export for physio…");
    export.setId("exportBundle");
    export.setOnAction(e -> exportBundle());
    Button imp = new Button("Import…");
    imp.setId("importSessions");
    imp.setOnAction(e -> importFiles());
    Button reload = new Button("Refresh");
    reload.setOnAction(e -> refresh());
    HBox bar = new HBox(8, new Label("Patient"), patient, new Label("From"), from, new Label("To"), to,
        reload, compare, report, export, imp);
    bar.setPadding(new Insets(0, 0, 8, 0));
    bar.setStyle("-fx-alignment: center-left;");
    return bar;
  }

  private void buildTable() {
    table.setId("sessionTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // Each column is wide enough for its header and values at 1280 px, and sorts by the value itself
    // (dates by time, numbers numerically), not by its text.
    table.getColumns().add(sortable("Date", SessionEntry::startedAt, e -> DAY.format(e.startedAt()), 118));
    table.getColumns().add(sortable("Patient", e -> e.patient().toLowerCase(Locale.ROOT), SessionEntry::patient, 96));
    table.getColumns().add(sortable("Rolls", e -> e.summary().rolls(), e -> String.valueOf(e.summary().rolls()), 54));
    // the unit in the cells (a physio read "2.5" as what?); the header has no room for it
    table.getColumns().add(sortable("Pace", e -> e.summary().paceCmS(),
        e -> e.summary().passes() > 0 ? com.rollercoach.review.Measures.pace(e.summary().paceCmS()) : "–", 78));
    table.getColumns().add(sortable("Hold", e -> e.summary().holdS(),
        e -> e.summary().holdS() > 0 ? Durations.clock(e.summary().holdS()) : "–", 56));
    table.getColumns().add(sortable("Pain", ReviewPane::painKey, ReviewPane::painText, 66));
    // Judged when listed, against each patient's prescription in force on the session's date.
    table.getColumns().add(sortable("Checks", e -> checks.containsKey(e.id()) ? checks.get(e.id()).met() : null,
        e -> checks.containsKey(e.id()) ? checks.get(e.id()).fraction() : checks.isEmpty() ? "…" : "–", 64));
    // The split pane must not squeeze the list below its columns (headers cut to "R…" at 1280 px).
    table.setMinWidth(ScaledColumns.minWidth(table));
    // The widths are for the standalone window's 13 px type: scaled with the type the pane gets.
    ScaledColumns.follow(table, status.fontProperty(), () -> table.setMinWidth(ScaledColumns.minWidth(table)));
    table.getSortOrder().add(table.getColumns().get(0));
    table.getColumns().get(0).setSortType(TableColumn.SortType.DESCENDING);
    table.setPlaceholder(new Label("No sessions. Import some with: roller-coach sessions import FILE"));
    table.getSelectionModel().getSelectedItems().addListener(
        (javafx.collections.ListChangeListener<SessionEntry>) c -> {
          int n = table.getSelectionModel().getSelectedItems().size();
          compare.setDisable(n != 2);
          report.setDisable(n != 1);
          if (n == 1) showSelected();
        });
  }

  /** A column shown as {@code text}, sorted by {@code key}; never narrower than {@code minWidth}. */
  private <T extends Comparable<T>> TableColumn<SessionEntry, SessionEntry> sortable(String name,
      Function<SessionEntry, T> key, Function<SessionEntry, String> text, double minWidth) {
    columnText.put(name, text);
    TableColumn<SessionEntry, SessionEntry> c = new TableColumn<>(name);
    c.setId("col" + name);
    c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
    c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(SessionEntry e, boolean empty) {
        super.updateItem(e, empty);
        setText(empty || e == null ? null : text.apply(e));
      }
    });
    c.setComparator(java.util.Comparator.comparing(key, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    return ScaledColumns.withBaseWidth(c, minWidth);
  }

  /** The text the table shows for row {@code row} (in the current order) under {@code column}. */
  String cellText(String column, int row) {
    return columnText.get(column).apply(table.getItems().get(row));
  }

  /** Sorts by pain after the session, then before; sessions without pain noted sort first. */
  static Integer painKey(SessionEntry e) {
    var n = e.notes();
    if (n.painAfter().isEmpty() && n.painBefore().isEmpty()) return null;
    return (n.painAfter().isPresent() ? n.painAfter().getAsInt() : -1) * 16
        + (n.painBefore().isPresent() ? n.painBefore().getAsInt() : -1);
  }

  static String painText(SessionEntry e) {
    var n = e.notes();
    if (n.painAfter().isEmpty() && n.painBefore().isEmpty()) return "–";
    return (n.painBefore().isPresent() ? String.valueOf(n.painBefore().getAsInt()) : "?") + "→"
        + (n.painAfter().isPresent() ? String.valueOf(n.painAfter().getAsInt()) : "?");
  }

  /** Reloads the patient list and the sessions matching the filters. */
  public void refresh() {
    String p = ALL_PATIENTS.equals(patient.getValue()) ? null : patient.getValue();
    ZoneId zone = ZoneId.systemDefault();
    LocalDate f = from.getValue();
    LocalDate t = to.getValue();
    Instant fromI = f == null ? null : f.atStartOfDay(zone).toInstant();
    Instant toI = t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant();
    SessionFilter filter = SessionFilter.all().withPatient(p).between(fromI, toI);
    background(() -> {
      try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
        List<String> patients = lib.patients();
        List<SessionEntry> sessions = lib.list(filter);
        Platform.runLater(() -> {
          checks = Map.of();
          List<String> items = new ArrayList<>(List.of(ALL_PATIENTS));
          items.addAll(patients);
          if (!patient.getItems().equals(items)) {
            String keep = patient.getValue();
            patient.getItems().setAll(items);
            patient.setValue(items.contains(keep) ? keep : ALL_PATIENTS);
          }
          var sorted = new javafx.collections.transformation.SortedList<>(FXCollections.observableArrayList(sessions));
          sorted.comparatorProperty().bind(table.comparatorProperty());
          table.setItems(sorted);
          status.setText(sessions.size() + " session(s) in " + dataDir);
        });
        // The list shows at once; each session's checks (its stored analysis read, judged against
        // its prescription) follow, a few ms each, so a long list does not wait for them.
        LibraryChecks judge = new LibraryChecks(reviews, dataDir, ZoneId.systemDefault());
        Map<String, Checks> judged = new HashMap<>();
        for (SessionEntry e : sessions) judge.of(lib, e).ifPresent(c -> judged.put(e.id(), c));
        Platform.runLater(() -> {
          checks = judged;
          table.refresh();
          table.sort();
        });
      }
    });
  }

  /** Shows the selected session, or the two selected side by side. */
  private void showSelected() {
    List<SessionEntry> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
    if (chosen.isEmpty()) return;
    status.setText("Loading " + chosen.size() + " session(s)…");
    background(() -> {
      List<ReviewSession> loaded = new ArrayList<>();
      try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
        for (SessionEntry e : chosen) loaded.add(reviews.of(e, loader.load(lib, e)));
      }
      List<String[]> comparison = loaded.size() == 2 ? new CompareReport(loaded.get(0), loaded.get(1)).rows() : null;
      Platform.runLater(() -> {
        details.getChildren().clear();
        HBox side = new HBox(10);
        for (ReviewSession r : loaded) {
          SessionDetail d = new SessionDetail(r, this::saveNotes);
          HBox.setHgrow(d, Priority.ALWAYS);
          d.setPrefWidth(10);
          d.setMinWidth(0); // two side by side share the width instead of running off the window
          side.getChildren().add(d);
        }
        HBox.setHgrow(side, Priority.ALWAYS);
        if (comparison == null) {
          details.getChildren().setAll(side.getChildren());
        } else {
          side.setMinWidth(0);
          VBox both = new VBox(6, CompareTable.of(comparison), side);
          both.setMinWidth(0);
          VBox.setVgrow(side, Priority.ALWAYS);
          HBox.setHgrow(both, Priority.ALWAYS);
          details.getChildren().setAll(both);
        }
        status.setText(chosen.size() == 2 ? "Two sessions compared" : "Session " + chosen.get(0).id());
      });
    });
  }

  private void openReport() {
    SessionEntry e = table.getSelectionModel().getSelectedItem();
    if (e == null) return;
    status.setText("Writing the report…");
    background(() -> {
      Path out = dataDir.resolve("reports").resolve(e.id() + ".html");
      // the data folder's own reports/ (the report writers create no folders: a command's --out
      // folder is OutputFiles' business)
      java.nio.file.Files.createDirectories(out.getParent());
      try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
        new SessionReport(reviews.of(e, loader.load(lib, e))).write(out);
      }
      try {
        browser.accept(out.toUri());
        Platform.runLater(() -> status.setText("Report opened: " + out));
      } catch (RuntimeException ex) {
        Platform.runLater(() -> status.setText("Report written to " + out + " (" + ex.getMessage() + ")"));
      }
    });
  }

  /** Writes the filtered patient's sessions to a bundle the patient sends to the physio. */
  private void exportBundle() {
    String p = patient.getValue();
    if (p == null || ALL_PATIENTS.equals(p)) {
      status.setText("Choose a patient first: a bundle holds one patient's sessions.");
      return;
    }
    javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
    fc.setTitle("Export " + p + "'s sessions");
    fc.setInitialFileName(p.replaceAll("[^A-Za-z0-9._-]", "_") + "-sessions.zip");
    java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (f != null) exportBundleTo(p, from.getValue(), f.toPath());
  }

  /** The export itself (tests call it without the file dialog). */
  void exportBundleTo(String who, LocalDate since, Path zip) {
    status.setText("Exporting…");
    background(() -> {
      try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
        var r = com.rollercoach.review.bundle.SessionBundle.export(lib, reviews.patients(), who, since, zip);
        Platform.runLater(() -> status.setText("Exported " + r.sessions() + " session(s) to " + r.file()));
      }
    });
  }

  /** Imports recordings or bundles (a bundle is known by its manifest, not its name). */
  private void importFiles() {
    javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
    fc.setTitle("Import sessions or a bundle");
    var files = fc.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
    if (files != null) importPaths(files.stream().map(java.io.File::toPath).toList());
  }

  void importPaths(List<Path> files) {
    status.setText("Importing…");
    background(() -> {
      int added = 0;
      int skipped = 0;
      try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
        for (Path f : files) {
          if (com.rollercoach.review.bundle.SessionBundle.isBundle(f)) {
            var r = com.rollercoach.review.bundle.SessionBundle.importBundle(f, lib, reviews.patients());
            added += r.added().size();
            skipped += r.skipped().size();
          } else {
            lib.importSession(f, SessionLibrary.ImportOptions.defaults());
            added++;
          }
        }
      }
      int a = added;
      int s2 = skipped;
      Platform.runLater(() -> {
        status.setText("Imported " + a + " session(s)" + (s2 > 0 ? ", " + s2 + " already here" : ""));
        refresh();
      });
    });
  }

  /** java.awt.Desktop's browser; fails with a clear message where there is none (headless, no DE). */
  static void openInDesktopBrowser(URI uri) {
    if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      throw new UnsupportedOperationException("no desktop browser available; open it yourself");
    }
    try {
      Desktop.getDesktop().browse(uri);
    } catch (IOException e) {
      throw new UnsupportedOperationException("the browser did not start: " + e.getMessage(), e);
    }
  }

  private void showPlaceholder(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-text-fill: #7b8794; -fx-font-size: 14px;");
    details.getChildren().setAll(l);
  }

  /** Work that may fail with I/O: errors end up in the status line, never as a stack trace. */
  private interface IoWork {
    void run() throws IOException;
  }

  private void background(IoWork work) {
    CompletableFuture.runAsync(() -> {
      try {
        work.run();
      } catch (IOException | RuntimeException e) {
        Platform.runLater(() -> status.setText("Problem: " + e.getMessage()));
      }
    }, worker);
  }

  /** The session detail views shown now (one, or two side by side). */
  List<SessionDetail> shownDetails() {
    List<SessionDetail> out = new ArrayList<>();
    collect(details, out);
    return out;
  }

  private static void collect(javafx.scene.Parent p, List<SessionDetail> out) {
    for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
      if (n instanceof SessionDetail d) out.add(d);
      else if (n instanceof HBox || n instanceof VBox) collect((javafx.scene.Parent) n, out);
    }
  }

  /** Notes edited in Review: written to the session's sidecar and index, then the list refreshed. */
  private void saveNotes(SessionEntry e, SessionNotes n) {
    status.setText("Saving notes…");
    background(() -> {
      SessionNotesDialog.save(dataDir, e.id(), n);
      Platform.runLater(() -> {
        status.setText("Notes saved for " + e.id());
        refresh();
      });
    });
  }

  /** Stops the background thread; the pane can no longer load anything. */
  public void dispose() {
    worker.shutdownNow();
  }
}
