package com.rollercoach.gui;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.io.DataFolder;
import com.rollercoach.review.patients.Dated;
import com.rollercoach.review.patients.Patients;

import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.source.Sources;
import java.io.File;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The start screen: whose session it is and what they are prescribed (editable here, saved dated
 * with history through {@link Patients}, as {@code patients prescribe} does: the live coach reads its
 * targets from it), then where the samples come from. Everything that touches a device or a file runs
 * off the FX thread (port discovery in a {@link Task}; opening happens on the session's own thread).
 */
final class StartView extends ScrollPane {
  private final Consumer<SampleSource> start;
  private final ToggleGroup speed = new ToggleGroup();
  private final ComboBox<Sources.Port> ports = new ComboBox<>();
  private final Label message = new Label();

  private final DataFolder data;
  private final ComboBox<String> patient = new ComboBox<>();
  private final Label prescription = new Label();
  private final Consumer<String> patientChosen;
  private final PrescriptionEditor editor = new PrescriptionEditor();

  StartView(Consumer<SampleSource> start, DataFolder data, Supplier<String> lastPatient,
      Consumer<String> patientChosen) {
    this.start = start;
    this.data = data;
    this.patientChosen = patientChosen;
    Label title = new Label("Roller Coach");
    title.getStyleClass().add("screen-title");
    Label hint = new Label("Lie on the roller across your upper back, lift your hips, and roll slowly "
        + "up and down 10–20 times. Hold tender spots 1–2 minutes. Finish with a minute of relaxed "
        + "extension over the roller, breathing deeply.");
    hint.setWrapText(true);
    hint.getStyleClass().add("muted-text");

    // Whose session: the coach follows their prescription, the library files the recording under them.
    patient.setEditable(true);
    patient.setId("patientPicker");
    patient.setPromptText("patient name (type a new one to add)");
    // wide enough for the whole hint at any text size (320 px cut it at "type a new one to")
    patient.setStyle("-fx-pref-width: 25em;");
    try {
      patient.getItems().setAll(Patients.open(data.root()).names());
    } catch (RuntimeException e) {
      message.setText("Could not read the patients: " + e.getMessage());
    }
    if (lastPatient.get() != null) patient.setValue(lastPatient.get());
    patient.valueProperty().addListener((o, a, b) -> choosePatient(b));
    prescription.setId("prescriptionText");
    prescription.getStyleClass().add("muted-text");
    prescription.setWrapText(true);
    editor.onSave(this::savePrescription);
    showPrescription(patient.getValue());
    VBox who = card("Patient and prescription", new VBox(8, patient, editor, prescription));

    Button demo = big("_Demo device", "startDemo", () -> Sources.demo());
    Button sample = big("Bundled _sample", "startSample", () -> Sources.bundledSample(speedFactor()));
    VBox tryIt = card("Try it without hardware", new HBox(12, demo, sample));

    Button replay = new Button("_Replay a file…");
    replay.setMnemonicParsing(true);
    replay.getStyleClass().add("big-button");
    replay.setId("startReplay");
    replay.setOnAction(e -> chooseReplay());
    HBox speeds = new HBox(6, new Label("Speed"), speedButton("1×", 1, true),
        speedButton("2×", 2, false), speedButton("4×", 4, false));
    speeds.setStyle("-fx-alignment: center-left;");
    VBox replayCard = card("Replay a recording or CSV", new HBox(16, replay, speeds));

    // Editable: pseudo-terminals and Bluetooth rfcomm nodes are not enumerated, type their path.
    ports.setEditable(true);
    ports.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(Sources.Port p) {
        return p == null ? "" : p.toString();
      }

      @Override
      public Sources.Port fromString(String s) {
        String path = s == null ? "" : s.split(" — ", 2)[0].trim();
        return path.isEmpty() ? null : new Sources.Port(path, "");
      }
    });
    ports.setPromptText("no ports found: type a path (/dev/rfcomm0, COM7)");
    ports.setId("portPicker");
    ports.setPrefWidth(420);
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> refreshPorts());
    Button connect = big("_Connect", "startSerial", () -> {
      Sources.Port p = ports.getValue();
      if (p == null) {
        throw new IllegalStateException("choose a port first (or plug the roller in and Refresh)");
      }
      return Sources.serial(p.path(), data.root(), patient.getValue());
    });
    VBox roller = card("Your roller", new HBox(12, ports, refresh, connect));

    message.setId("startMessage");
    message.getStyleClass().add("error-text");
    message.setWrapText(true);
    // Side by side: the whole screen, roller card included, fits 1280×800 without scrolling.
    // A flow: side by side at 1280 px, one under the other in large text (no sideways scrolling).
    javafx.scene.layout.FlowPane withoutRoller = new javafx.scene.layout.FlowPane(16, 16, tryIt, replayCard);
    VBox content = new VBox(title, hint, who, withoutRoller, roller, message);
    content.getStyleClass().add("screen");
    setContent(content);
    setFitToWidth(true);
    refreshPorts();
  }

  private void choosePatient(String name) {
    String n = name == null ? "" : name.trim();
    if (n.isEmpty()) return;
    try {
      Patients ps = Patients.open(data.root());
      if (!ps.exists(n)) ps.add(n);
      patientChosen.accept(n);
      showPrescription(n);
      if (!patient.getItems().contains(n)) patient.getItems().add(n);
      message.setText("");
    } catch (RuntimeException e) {
      message.setText(e.getMessage());
    }
  }

  /** The patient's prescription in force today in the editor, and where it comes from. */
  private void showPrescription(String name) {
    boolean none = name == null || name.isBlank();
    editor.setDisable(none);
    if (none) {
      editor.show(Prescription.protocolDefault());
      prescription.setText("No patient chosen: the protocol's defaults. Choose or type a patient to edit.");
      return;
    }
    Prescription p = AppWindow.prescription(data, name);
    editor.show(p);
    List<Dated<Prescription>> history;
    try {
      history = Patients.open(data.root()).history(name);
    } catch (RuntimeException e) {
      prescription.setText(e.getMessage());
      return;
    }
    LocalDate today = LocalDate.now();
    long inForce = history.stream().filter(d -> !d.from().isAfter(today)).count();
    prescription.setText(inForce == 0
        ? "The protocol's defaults (nothing prescribed yet): edit and save to prescribe."
        : "Prescribed from " + history.stream().filter(d -> !d.from().isAfter(today))
            .reduce((a, b) -> b).orElseThrow().from()
            + (inForce > 1 ? " (" + (inForce - 1) + " earlier kept)" : "")
            + ". Saving dates the change today; earlier sessions keep their prescription.");
  }

  /** Saves the editor's prescription for the chosen patient from today on (history kept). */
  private void savePrescription(Prescription p) {
    String n = patient.getValue() == null ? "" : patient.getValue().trim();
    if (n.isEmpty()) {
      message.setText("choose or type a patient first");
      return;
    }
    try {
      Patients ps = Patients.open(data.root());
      ps.prescribe(n, p, LocalDate.now());
      patientChosen.accept(n);
      if (!patient.getItems().contains(n)) patient.getItems().add(n);
      message.setText("");
      showPrescription(n);
    } catch (RuntimeException e) {
      message.setText(e.getMessage());
    }
  }

  private double speedFactor() {
    Object d = speed.getSelectedToggle() == null ? null : speed.getSelectedToggle().getUserData();
    return d instanceof Double v ? v : 1.0;
  }

  private ToggleButton speedButton(String text, double factor, boolean selected) {
    ToggleButton b = new ToggleButton(text);
    b.setUserData(factor);
    b.setToggleGroup(speed);
    b.setSelected(selected);
    b.setId("speed" + (int) factor);
    return b;
  }

  private void chooseReplay() {
    FileChooser c = new FileChooser();
    c.setTitle("Replay a session");
    c.getExtensionFilters().addAll(
        // any file of an export works (its sibling tables are found beside it): see docs/sensors.md
        new FileChooser.ExtensionFilter("Sessions and sensor exports (*.rcrec, *.csv, *.zip, *.txt, *.log, *.ximu3)",
            "*.rcrec", "*.csv", "*.zip", "*.txt", "*.log", "*.ximu3"),
        new FileChooser.ExtensionFilter("All files", "*.*"));
    File f = c.showOpenDialog(getScene().getWindow());
    if (f != null) {
      launch(() -> SampleFiles.replay(f.toPath(), speedFactor()));
    }
  }

  private void refreshPorts() {
    Task<List<Sources.Port>> t = new Task<>() {
      @Override
      protected List<Sources.Port> call() {
        return Sources.ports(data);
      }
    };
    t.setOnSucceeded(e -> {
      ports.getItems().setAll(t.getValue());
      if (!t.getValue().isEmpty()) {
        ports.getSelectionModel().selectFirst();
      }
    });
    t.setOnFailed(e -> message.setText("Could not list ports: " + t.getException().getMessage()));
    Thread th = new Thread(t, "roller-coach-ports");
    th.setDaemon(true);
    th.start();
  }

  private Button big(String text, String id, Supplier<SampleSource> source) {
    Button b = new Button(text);
    b.setMnemonicParsing(true);
    b.getStyleClass().add("big-button");
    b.setId(id);
    b.setOnAction(e -> launch(source));
    return b;
  }

  private void launch(Supplier<SampleSource> source) {
    try {
      message.setText("");
      start.accept(source.get());
    } catch (RuntimeException e) {
      message.setText(e.getMessage());
    }
  }

  private static VBox card(String title, javafx.scene.Node body) {
    Label t = new Label(title);
    t.getStyleClass().add("card-title");
    VBox c = new VBox(t, body);
    c.getStyleClass().add("card");
    return c;
  }
}
