package com.rollercoach.gui;

import com.rollercoach.gui.live.WindowSession;
import com.rollercoach.gui.live.LiveView;
import com.rollercoach.gui.settings.SettingsStore;
import com.rollercoach.gui.settings.SettingsView;
import com.rollercoach.gui.settings.UserSettings;
import com.rollercoach.gui.sound.CuePlayer;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.summary.SessionSummary;
import com.rollercoach.gui.summary.SummaryView;
import com.rollercoach.gui.summary.SummaryWriter;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.DataFolder;
import com.rollercoach.review.patients.Patients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The whole window: tabs for Start, Live, Summary, Settings, Calibrate and Review, a top bar with Mute,
 * Large text and Stop, and the keyboard shortcuts. Owns the running {@link WindowSession}.
 *
 * <p>Keys (when no text field has focus): M mute, L large text, Esc/S stop, F11 full screen,
 * Ctrl+1…6 switch tabs; mnemonics (Alt+letter) on the start screen's buttons.
 */
public final class AppWindow {
  private final SettingsStore store;
  /** The one data folder, resolved once by the caller: settings, library, calibrations, profiles, patients. */
  private final DataFolder data;
  private UserSettings settings;
  private final CuePlayer player;
  private final boolean perfLog;
  private final StackPane root = new StackPane();
  private final TabPane tabs = new TabPane();
  private final Tab liveTab = new Tab("Live");
  private final Tab summaryTab = new Tab("Summary");
  private final SummaryView summaryView = new SummaryView();
  private final ToggleButton mute = new ToggleButton("Mute (M)");
  private final ToggleButton large = new ToggleButton("Large text (L)");
  private final Button stop = new Button("Stop (Esc)");
  private static final int REVIEW_TAB = 5;
  private LiveView liveView;
  private volatile String savedMessage = "";

  public AppWindow(SettingsStore store, UserSettings settings, CuePlayer player, boolean perfLog) {
    this.store = store;
    this.data = store.data();
    this.settings = settings;
    this.player = player;
    this.perfLog = perfLog;
    player.setMuted(!settings.sound());
    player.setSpeak(settings.speech());

    Tab startTab = new Tab("Start", new StartView(this::start, data, this::patient, this::patientChosen));
    summaryTab.setContent(summaryView);
    SettingsView settingsView = new SettingsView(store, settings, player.speechAvailable(), this::settingsSaved);
    settingsView.soundCheck(() -> player.test(new com.rollercoach.core.coach.live.Cue.GotOn(0)),
        () -> player.audioAvailable() ? null : player.audioProblem());
    Tab settingsTab = new Tab("Settings", settingsView);
    Tab calibrateTab = new Tab("Calibrate", CalibrationTab.create(this::dataDir));
    Tab reviewTab = new Tab("Review");
    ReviewTab.install(reviewTab, this::dataDir);
    for (Tab t : new Tab[] {startTab, liveTab, summaryTab, settingsTab, calibrateTab, reviewTab}) {
      t.setClosable(false);
      tabs.getTabs().add(t);
    }
    liveView = newLiveView();
    liveTab.setContent(liveView);

    mute.setId("muteButton");
    mute.setSelected(!settings.sound());
    mute.setFocusTraversable(true);
    mute.setOnAction(e -> player.setMuted(mute.isSelected()));
    large.setId("largeTextButton");
    large.setSelected(settings.largeText());
    large.setOnAction(e -> setLargeText(large.isSelected()));
    stop.setId("stopButton");
    stop.setOnAction(e -> stopSession());
    stop.setDisable(true);
    for (var b : new javafx.scene.control.ButtonBase[] {mute, large, stop}) {
      b.getStyleClass().add("toolbar-button");
    }
    HBox bar = new HBox(8, mute, large, stop);
    bar.setAlignment(Pos.TOP_RIGHT);
    bar.setPickOnBounds(false);
    bar.setPadding(new Insets(4, 8, 0, 0));
    bar.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    StackPane.setAlignment(bar, Pos.TOP_RIGHT);
    root.getChildren().addAll(tabs, bar);
    // The bar is laid over the tab headers: keep them clear of it by its real width (large text and
    // the bold of a selected toggle change it), not by a guessed number of ems.
    tabs.skinProperty().addListener((o, was, skin) -> keepTabHeadersClearOf(bar));
    bar.widthProperty().addListener((o, was, w) -> keepTabHeadersClearOf(bar));
    root.getStylesheets().add(
        Objects.requireNonNull(AppWindow.class.getResource("app.css")).toExternalForm());
    setLargeText(settings.largeText());
  }

  /** Space between the last tab header and the Mute button: they must never touch. */
  static final double TAB_BAR_GAP_PX = 12;

  private void keepTabHeadersClearOf(HBox bar) {
    Node header = tabs.lookup(".tab-header-area");
    if (header == null || bar.getWidth() <= 0) return;
    // Inline style: it outranks the stylesheet's padding, which stays as the first guess.
    header.setStyle(String.format(java.util.Locale.ROOT, "-fx-padding: 0.3em %.0fpx 0 0.3em;",
        bar.getWidth() + TAB_BAR_GAP_PX));
  }

  public Parent root() {
    return root;
  }

  /** A scene for this window with the keyboard shortcuts installed. */
  public Scene scene(double width, double height) {
    Scene scene = new Scene(root, width, height);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    return scene;
  }

  /** The data folder: sessions are recorded into its {@code sessions/}, summaries into {@code summaries/}. */
  public Path dataDir() {
    return data.root();
  }

  public LiveView liveView() {
    return liveView;
  }

  public TabPane tabs() {
    return tabs;
  }

  /** Starts a session from {@code source}, stopping any running one, and shows the live tab. */
  public void start(SampleSource source) {
    stopSession();
    liveView.stopAnimation();
    liveView = newLiveView();
    liveTab.setContent(liveView);
    UserSettings s = settings;
    Prescription prescription = prescription(data, s.patient());
    // The settings' roller is the default; a replayed file's own roller and a device calibration win.
    WindowSession session = new WindowSession(source, com.rollercoach.live.LiveSession.Setup.of(prescription, data)
        .withMetadata(SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM,
            Double.toString(s.rollerDiameterCm())))
        .withMetronome(s.metronome()), data.root(), player, summary -> save(summary, source));
    liveView.setTargets(prescription.targets());
    liveView.attach(session);
    stop.setDisable(false);
    session.start();
    tabs.getSelectionModel().select(liveTab);
  }

  public void stopSession() {
    WindowSession s = liveView == null ? null : liveView.session();
    if (s != null && !s.finished()) {
      s.stop();
    }
  }

  /** The patient's prescription for today, the protocol's defaults when there is no patient. */
  static Prescription prescription(DataFolder data, String patient) {
    if (patient == null || patient.isBlank()) return Prescription.protocolDefault();
    try {
      return Patients.open(data.root()).prescriptionOn(patient, java.time.LocalDate.now());
    } catch (RuntimeException e) {
      return Prescription.protocolDefault();
    }
  }

  /** The patient chosen on the start screen, remembered in the settings. */
  void patientChosen(String patient) {
    settings = settings.withPatient(patient);
    try {
      store.save(settings);
    } catch (IOException | RuntimeException e) {
      // remembered for this run; the settings tab shows why saving fails
    }
  }

  public String patient() {
    return settings.patient();
  }

  /** Stops everything for good (window closing). */
  public void shutdown() {
    stopSession();
    liveView.stopAnimation();
    player.close();
    ReviewTab.dispose(tabs.getTabs().get(REVIEW_TAB));
  }

  private LiveView newLiveView() {
    LiveView v = new LiveView(prescription(data, settings.patient()).targets(),
        settings.largeText() || large.isSelected(), perfLog);
    v.setOnFinished(this::finished);
    return v;
  }

  /**
   * Session thread: save the summary beside the recording this session made, off the FX thread. A
   * replayed file is the user's (a bundled sample, a colleague's export): its summary goes to the
   * data folder's summaries/, never beside it.
   */
  private void save(SessionSummary summary, SampleSource source) {
    if (summary.samples() == 0) { // nothing arrived: a summary of 0 rolls would record what never happened
      savedMessage = "Nothing was recorded, so nothing was saved.";
      return;
    }
    Path target = SummaryWriter.target(source.records() ? source.recording() : java.util.Optional.empty(),
        data.root().resolve("summaries"), LocalDateTime.now());
    try {
      savedMessage = "Saved to " + new SummaryWriter().write(summary, target);
    } catch (IOException | RuntimeException e) {
      savedMessage = "Could not save the summary to " + target + ": " + e.getMessage();
    }
  }

  private void finished(SessionSummary summary) {
    stop.setDisable(true);
    WindowSession s = liveView.session();
    String library = s == null ? "" : s.libraryMessage();
    String warning = s == null ? null : s.feed().warning();
    String message = library.isEmpty() ? savedMessage : savedMessage + "\n" + library;
    // A replayed file's skipped rows are only known at its end: say so beside the summary too.
    if (warning != null) message += "\n⚠ " + warning;
    if (summary.samples() == 0) {
      // A port that does not exist, a sensor that sent nothing: say why, not "0 rolls · 0.0 cm/s" and
      // verdicts about a session that never was (the reason was a status line the summary tab hid).
      var link = s == null ? null : s.feed().snapshot().link();
      String why = link != null && link.state() == com.rollercoach.gui.source.LinkStatus.State.FAILED
          ? link.detail() : warning;
      summaryView.showNothingRecorded(summary.source(), why, savedMessage);
    } else {
      summaryView.show(summary, message);
    }
    tabs.getSelectionModel().select(summaryTab);
    if (s != null) s.libraryEntry().ifPresent(e -> askNotes(e.id()));
  }

  /**
   * Pain before/after and a note for the session just added to the library. Later, not inside the
   * animation pulse that noticed the end: a modal dialog may not wait inside one.
   */
  private void askNotes(String sessionId) {
    javafx.application.Platform.runLater(() -> {
      javafx.stage.Window owner = root.getScene() == null ? null : root.getScene().getWindow();
      try {
        com.rollercoach.gui.review.SessionNotesDialog.askAndSave(owner, data.root(), sessionId);
      } catch (IOException | RuntimeException e) {
        summaryView.show(liveView.session().feed().summary(), savedMessage + "\nCould not save the notes for "
            + sessionId + ": " + e.getMessage());
      }
    });
  }

  private void settingsSaved(UserSettings s) {
    // The patient is chosen on the start screen, not in this form: keep the current one.
    settings = s.withPatient(settings.patient());
    try {
      store.save(settings);
    } catch (IOException | RuntimeException e) {
      // the form saved its own copy already; the patient is remembered for this run
    }
    player.setMuted(!s.sound());
    mute.setSelected(!s.sound());
    player.setSpeak(s.speech());
    large.setSelected(s.largeText());
    setLargeText(s.largeText());
  }

  private void setLargeText(boolean on) {
    if (on && !root.getStyleClass().contains("large")) {
      root.getStyleClass().add("large");
    } else if (!on) {
      root.getStyleClass().remove("large");
    }
    large.setSelected(on);
    liveView.setLargeText(on);
  }

  private void key(KeyEvent e) {
    if (e.isShortcutDown() && e.getCode().isDigitKey()) {
      int i = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
      if (i >= 0 && i < tabs.getTabs().size()) {
        tabs.getSelectionModel().select(i);
        e.consume();
      }
      return;
    }
    if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    switch (e.getCode()) {
      case M -> {
        mute.setSelected(!mute.isSelected());
        player.setMuted(mute.isSelected());
      }
      case L -> setLargeText(!root.getStyleClass().contains("large"));
      case ESCAPE, S -> stopSession();
      case F11 -> {
        if (root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage st) {
          st.setFullScreen(!st.isFullScreen());
        }
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  static Node placeholder(String title, String text) {
    Label t = new Label(title);
    t.getStyleClass().add("screen-title");
    Label b = new Label(text);
    b.setWrapText(true);
    b.getStyleClass().add("muted-text");
    javafx.scene.layout.VBox v = new javafx.scene.layout.VBox(t, b);
    v.getStyleClass().add("screen");
    return v;
  }
}
