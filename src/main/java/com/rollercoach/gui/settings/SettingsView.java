package com.rollercoach.gui.settings;

import com.rollercoach.core.coach.CoachingTargets;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The settings form: roller, targets, sound, display and data folder; saved per user on Save. */
public final class SettingsView extends ScrollPane {
  private final SettingsStore store;
  private final Consumer<UserSettings> onSaved;
  private final TextField diameter = field("diameter");
  private final TextField rollsMin = field("rollsMin");
  private final TextField rollsMax = field("rollsMax");
  private final TextField pace = field("pace");
  private final TextField paceFast = field("paceFast");
  private final TextField dwellMin = field("dwellMin");
  private final TextField dwellMax = field("dwellMax");
  private final TextField hold = field("hold");
  private final TextField rangeGrowth = field("rangeGrowth");
  private final TextField dataDir = field("dataDir");
  private final CheckBox sound = new CheckBox("Sound cues");
  private final CheckBox speech = new CheckBox("Speak the cues");
  private final CheckBox largeText = new CheckBox("Large text");
  private final CheckBox metronome = new CheckBox("Metronome: a soft tick at the prescribed pace");
  private final Label audio = new Label();
  private final javafx.scene.control.Button testSound = new javafx.scene.control.Button("Test sound");
  private UserSettings current;
  private final Label message = new Label();

  public SettingsView(SettingsStore store, UserSettings current, boolean speechAvailable,
      Consumer<UserSettings> onSaved) {
    this.store = store;
    this.onSaved = onSaved;
    speech.setDisable(!speechAvailable);
    if (!speechAvailable) {
      speech.setText("Speak the cues (install espeak-ng to enable)");
    }
    sound.setId("soundSetting");
    largeText.setId("largeTextSetting");
    message.setId("settingsMessage");
    message.setWrapText(true);
    dataDir.setPrefColumnCount(28);

    GridPane form = new GridPane();
    form.setHgap(14);
    form.setVgap(10);
    int r = 0;
    form.addRow(r++, new Label("Roller diameter (cm)"), diameter);
    form.addRow(r++, new Label("Rolls, fewest – most"), new HBox(8, rollsMin, new Label("–"), rollsMax));
    form.addRow(r++, new Label("Pace: aim (cm/s)"), pace);
    form.addRow(r++, new Label("Pace: too fast above (cm/s)"), paceFast);
    form.addRow(r++, new Label("Tender spot hold (s), min – max"),
        new HBox(8, dwellMin, new Label("–"), dwellMax));
    form.addRow(r++, new Label("Extension hold (s)"), hold);
    form.addRow(r++, new Label("Range guard margin (cm)"), rangeGrowth);
    Button browse = new Button("Browse…");
    browse.setOnAction(e -> browse());
    form.addRow(r++, new Label("Data folder"), new HBox(8, dataDir, browse));
    form.addRow(r++, new Label("Sound"), new HBox(20, sound, speech, metronome));
    audio.setId("audioStatus");
    audio.setWrapText(true);
    testSound.setId("testSound");
    form.addRow(r++, new Label("Audio"), new HBox(12, testSound, audio));
    form.addRow(r++, new Label("Display"), largeText);

    Button save = new Button("_Save");
    save.setMnemonicParsing(true);
    save.setDefaultButton(true);
    save.setId("saveSettings");
    save.setOnAction(e -> save());
    Button reset = new Button("Defaults");
    reset.setOnAction(e -> fill(store.defaults()));
    Label title = new Label("Settings");
    title.getStyleClass().add("screen-title");
    Label where = new Label("Saved in " + store.file());
    where.getStyleClass().add("muted-text");
    VBox card = new VBox(form);
    card.getStyleClass().add("card");
    VBox content = new VBox(title, card, new HBox(12, save, reset), message, where);
    content.getStyleClass().add("screen");
    setContent(content);
    setFitToWidth(true);
    fill(current);
    if (store.loadProblem() != null) {
      message.setText(store.loadProblem());
      message.getStyleClass().add("error-text");
    }
  }

  /** Shows {@code s} in the form. */
  public void fill(UserSettings s) {
    CoachingTargets t = s.targets();
    diameter.setText(num(s.rollerDiameterCm()));
    rollsMin.setText(Integer.toString(t.rollsMin()));
    rollsMax.setText(Integer.toString(t.rollsMax()));
    pace.setText(num(t.paceCmS()));
    paceFast.setText(num(t.paceTooFastCmS()));
    dwellMin.setText(num(t.dwellMinS()));
    dwellMax.setText(num(t.dwellMaxS()));
    hold.setText(num(t.holdTargetS()));
    rangeGrowth.setText(num(t.rangeGrowthCm()));
    dataDir.setText(s.dataDir());
    sound.setSelected(s.sound());
    speech.setSelected(s.speech());
    largeText.setSelected(s.largeText());
    metronome.setSelected(s.metronome());
    current = s;
  }

  /**
   * Wires the audio line: {@code test} plays a cue at once, {@code status} says whether the audio
   * device works (null when it does): with no device the sound cannot silently look "on".
   */
  public void soundCheck(Runnable test, java.util.function.Supplier<String> status) {
    testSound.setOnAction(e -> {
      test.run();
      audio.setText("Playing a cue…");
      javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
      p.setOnFinished(x -> showAudio(status.get()));
      p.play();
    });
    javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
        javafx.util.Duration.seconds(1), e -> {
          if (!"Playing a cue…".equals(audio.getText())) showAudio(status.get());
        }));
    poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
    poll.play();
    showAudio(status.get());
  }

  private void showAudio(String problem) {
    audio.getStyleClass().remove("error-text");
    if (problem == null) {
      audio.setText("Sound works (heard nothing? check the volume)");
    } else {
      audio.setText("No audio device: cues are only shown (" + problem + ")");
      audio.getStyleClass().add("error-text");
    }
  }

  /** The form as settings, or null with the reason shown. */
  UserSettings read() {
    try {
      CoachingTargets t = new CoachingTargets(integer(rollsMin, "rolls"), integer(rollsMax, "rolls"),
          number(pace, "pace"), number(paceFast, "too fast pace"), number(dwellMin, "dwell"),
          number(dwellMax, "dwell"), number(hold, "hold"), number(rangeGrowth, "range margin"));
      return new UserSettings(number(diameter, "diameter"), t, sound.isSelected(),
          speech.isSelected(), largeText.isSelected(), dataDir.getText().trim(), metronome.isSelected(),
          current == null ? null : current.patient());
    } catch (NumberFormatException e) {
      error(e.getMessage());
      return null;
    }
  }

  private void save() {
    UserSettings s = read();
    if (s == null) {
      return;
    }
    String why = s.problem();
    if (why != null) {
      error(why);
      return;
    }
    try {
      store.save(s);
      message.getStyleClass().remove("error-text");
      message.setText("Saved.");
      onSaved.accept(s);
    } catch (IOException e) {
      error("Could not save " + store.file() + ": " + e.getMessage());
    }
  }

  private void error(String text) {
    if (!message.getStyleClass().contains("error-text")) {
      message.getStyleClass().add("error-text");
    }
    message.setText(text);
  }

  private void browse() {
    DirectoryChooser c = new DirectoryChooser();
    File current = new File(dataDir.getText());
    if (current.isDirectory()) {
      c.setInitialDirectory(current);
    }
    File f = c.showDialog(getScene().getWindow());
    if (f != null) {
      dataDir.setText(f.getPath());
    }
  }

  private static double number(TextField f, String what) {
    try {
      return Double.parseDouble(f.getText().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new NumberFormatException(what + ": '" + f.getText() + "' is not a number");
    }
  }

  private static int integer(TextField f, String what) {
    try {
      return Integer.parseInt(f.getText().trim());
    } catch (NumberFormatException e) {
      throw new NumberFormatException(what + ": '" + f.getText() + "' is not a whole number");
    }
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  private static TextField field(String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(5);
    return f;
  }
}
