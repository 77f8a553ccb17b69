package com.rollercoach.gui.settings;

import com.rollercoach.core.NumberText;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The settings form: the roller, sound, speech, metronome and display, saved in the data folder on
 * Save. Coaching targets are not here: they are the patient's prescription, edited on the start screen
 * (one value for the window, the terminal and the reports). The data folder is shown, not edited: it
 * is resolved once when the app starts ({@code gui --data-dir DIR}).
 */
public final class SettingsView extends ScrollPane {
  private final SettingsStore store;
  private final Consumer<UserSettings> onSaved;
  private final TextField diameter = field("diameter");
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
    metronome.setId("metronomeSetting");
    diameter.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    speech.setId("speechSetting");

    GridPane form = new GridPane();
    form.setHgap(14);
    form.setVgap(10);
    // Row labels keep their width in large text ("Roller diameter…" is no label).
    form.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints(
        javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_COMPUTED_SIZE,
        Double.MAX_VALUE, javafx.scene.layout.Priority.NEVER, javafx.geometry.HPos.LEFT, false));
    int r = 0;
    form.addRow(r++, new Label("Roller diameter (cm)"), diameter);
    Label folder = new Label(store.data().root().toString());
    folder.setId("dataFolder");
    Label folderHint = new Label("(start with --data-dir DIR to use another)");
    folderHint.getStyleClass().add("muted-text");
    form.addRow(r++, new Label("Data folder"), new HBox(8, folder, folderHint));
    form.addRow(r++, new Label("Sound"), new VBox(8, sound, speech, metronome));
    audio.setId("audioStatus");
    audio.setWrapText(true);
    testSound.setId("testSound");
    // keeps its words: a long audio line squeezed it to "…" while the line said "press Test sound"
    testSound.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
    Label targets = new Label("Rolls, pace, tender-spot and hold times are the patient's prescription: "
        + "edit it on the Start screen.");
    targets.setId("targetsHint");
    targets.setWrapText(true);
    targets.getStyleClass().add("muted-text");
    Label where = new Label("Saved in " + store.file());
    where.getStyleClass().add("muted-text");
    VBox card = new VBox(form);
    card.getStyleClass().add("card");
    VBox content = new VBox(title, card, new HBox(12, save, reset), message, targets, where);
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
    diameter.setText(NumberText.upTo(s.rollerDiameterCm(), 2));
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
      audio.setText(com.rollercoach.gui.sound.CuePlayer.statusLine(problem));
      audio.getStyleClass().add("error-text");
    }
  }

  /** The form as settings, or null with the reason shown. */
  UserSettings read() {
    try {
      return new UserSettings(number(diameter, "diameter"), sound.isSelected(), speech.isSelected(),
          largeText.isSelected(), metronome.isSelected(), current == null ? null : current.patient());
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

  private static double number(TextField f, String what) {
    try {
      return Double.parseDouble(f.getText().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new NumberFormatException(what + ": '" + f.getText() + "' is not a number");
    }
  }


  private static TextField field(String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(5);
    return f;
  }
}
