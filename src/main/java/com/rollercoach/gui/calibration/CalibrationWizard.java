package com.rollercoach.gui.calibration;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.calibration.SyntheticCalibrationSession;
import com.rollercoach.core.calibration.CalibrationPlan;
import com.rollercoach.core.calibration.CalibrationStep;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ProcedureState;
import com.rollercoach.gui.source.ReplaySource;
import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.source.Sources;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The Calibrate tab: the calibration steps (still on the floor, resting positions, a measured roll,
 * rolls back and forth) guided on screen, driven by the UI-agnostic {@link
 * com.rollercoach.core.calibration.CalibrationProcedure}. The wizard polls the run ten times a second;
 * saving the result happens off the FX thread.
 */
public final class CalibrationWizard extends ScrollPane {
  private static final String TOOL = "roller-coach gui";

  private final TextField deviceId = new TextField("roller-1");
  private final TextField distance = new TextField("100");
  private final TextField diameter = new TextField("");
  private final TextField port = new TextField("");
  private final VBox steps = new VBox(6);
  private final Label stepTitle = new Label();
  private final Label instruction = new Label();
  private final ProgressBar progress = new ProgressBar(0);
  private final Label message = new Label();
  private final Label link = new Label();
  private final Button stepDone = new Button("Step _done");
  private final Button retry = new Button("_Retry step");
  private final Button cancel = new Button("Cancel");
  private final Button save = new Button("_Save calibration");
  private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> refresh()));
  private CalibrationRun run;
  private final Supplier<Path> dataDir;

  public CalibrationWizard(Supplier<Path> dataDir) {
    this.dataDir = dataDir;
    Label title = new Label("Calibration");
    title.getStyleClass().add("screen-title");
    Label intro = new Label("Calibrate once per roller and sensor: the roller lies still, then rests in "
        + "a dozen positions, rolls a measured distance along the floor, and rolls back and forth. "
        + "Follow the big instruction; each step moves on by itself when the data show it is done.");
    intro.setWrapText(true);
    intro.getStyleClass().add("muted-text");

    deviceId.setId("calDevice");
    distance.setId("calDistance");
    diameter.setId("calDiameter");
    diameter.setPromptText("measure it instead");
    port.setPromptText("/dev/ttyACM0");
    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(8);
    form.addRow(0, new Label("Device id"), deviceId);
    form.addRow(1, new Label("Measured roll distance (cm)"), distance);
    form.addRow(2, new Label("…or known diameter (cm)"), diameter);
    Button demo = new Button("Start with the demo sensor");
    demo.setId("calDemo");
    demo.setOnAction(e -> begin(() -> demoSource()));
    Button file = new Button("Start from a recording…");
    file.setOnAction(e -> chooseFile());
    Button serial = new Button("Start on port");
    serial.setOnAction(e -> begin(() -> Sources.serial(port.getText().trim(), dataDir.get())));
    VBox setup = new VBox(10, form, new HBox(10, demo, file), new HBox(10, port, serial));
    setup.getStyleClass().add("card");

    stepTitle.getStyleClass().add("phase-title");
    stepTitle.setId("calStep");
    instruction.getStyleClass().add("verdict-text");
    instruction.setWrapText(true);
    instruction.setId("calInstruction");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setPrefHeight(22);
    message.setWrapText(true);
    message.setId("calMessage");
    link.getStyleClass().add("muted-text");
    stepDone.setMnemonicParsing(true);
    retry.setMnemonicParsing(true);
    save.setMnemonicParsing(true);
    stepDone.setOnAction(e -> run.finishStep());
    retry.setOnAction(e -> run.retryStep());
    cancel.setOnAction(e -> run.cancel());
    save.setOnAction(e -> saveResult());
    save.setId("calSave");
    VBox live = new VBox(10, steps, stepTitle, instruction, progress, message,
        new HBox(10, stepDone, retry, cancel, save), link);
    live.getStyleClass().add("card");

    DirectionPane direction = new DirectionPane(dataDir, () -> deviceId.getText().trim(), port);
    // Ask for the gesture whenever the roller named above has a calibration without it.
    deviceId.focusedProperty().addListener((o, was, now) -> {
      if (!now) direction.checkDevice();
    });
    save.addEventHandler(javafx.event.ActionEvent.ACTION, e -> javafx.application.Platform.runLater(direction::checkDevice));
    VBox content = new VBox(title, intro, setup, live, direction);
    content.getStyleClass().add("screen");
    setContent(content);
    setFitToWidth(true);
    poll.setCycleCount(Timeline.INDEFINITE);
    showIdle();
  }

  private void showIdle() {
    stepTitle.setText("Not started");
    instruction.setText("Choose where the sensor data come from above.");
    for (Button b : List.of(stepDone, retry, cancel, save)) {
      b.setDisable(true);
    }
  }

  /** The simulated sensor: a calibration session with random sensor errors, at 4× speed. */
  private static SampleSource demoSource() {
    SyntheticCalibrationSession s = SyntheticCalibrationSession.builder(11).randomErrors().build();
    return new ReplaySource("demo sensor", ReplaySource.pacedBySampleTime(s::play), 4, null);
  }

  private void chooseFile() {
    FileChooser c = new FileChooser();
    c.setTitle("Calibrate from a recording");
    File f = c.showOpenDialog(getScene().getWindow());
    if (f != null) {
      begin(() -> SampleFiles.replay(f.toPath(), 0));
    }
  }

  private void begin(Supplier<SampleSource> source) {
    try {
      if (run != null) {
        run.cancel();
      }
      CalibrationPlan plan = plan();
      run = new CalibrationRun(source.get(), plan);
      run.start();
      poll.play();
      message.setText("");
    } catch (RuntimeException e) {
      message.setText(e.getMessage());
    }
  }

  private CalibrationPlan plan() {
    String id = deviceId.getText().trim();
    if (!CalibrationFile.DEVICE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("device id: letters, digits, '.', '_' or '-', up to 64");
    }
    CalibrationPlan p = CalibrationPlan.defaults(id, "gui", TOOL, Instant.now());
    if (!diameter.getText().isBlank()) {
      double d = parse(diameter, "diameter");
      // the range every command and the settings accept (any positive number went through here)
      if (!com.rollercoach.core.sample.SampleValidator.plausibleDiameterCm(d)) {
        throw new IllegalArgumentException(com.rollercoach.core.sample.SampleValidator.implausibleDiameter(d));
      }
      return p.withKnownDiameterCm(d, "entered");
    }
    return p.withDistanceCm(parse(distance, "roll distance"));
  }

  private static double parse(TextField f, String what) {
    try {
      double v = Double.parseDouble(f.getText().trim().replace(',', '.'));
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + ": '" + f.getText() + "' is not a positive number");
  }

  /** One poll: show the procedure's state. Public for tests. */
  public void refresh() {
    if (run == null) {
      return;
    }
    ProcedureState s = run.state();
    showSteps(s);
    stepTitle.setText(s.status() == ProcedureState.Status.COMPLETE ? "Calibration complete"
        : s.status() == ProcedureState.Status.FAILED ? "Step failed: " + s.step().title()
        : String.format(Locale.ROOT, "Step %d of %d: %s", s.stepNumber(), s.stepCount(),
            s.step().title()));
    instruction.setText(s.instruction());
    progress.setProgress(s.status() == ProcedureState.Status.COMPLETE ? 1 : s.progress());
    message.setText(s.message());
    link.setText(run.link().state() + " · " + run.link().detail());
    boolean running = s.status() == ProcedureState.Status.RUNNING && !run.ended();
    stepDone.setDisable(!running
        || !(s.step() == CalibrationStep.POSES || s.step() == CalibrationStep.AXIS));
    retry.setDisable(s.status() != ProcedureState.Status.FAILED || run.ended());
    cancel.setDisable(run.ended());
    save.setDisable(run.result().isEmpty());
    if (run.ended()) {
      poll.stop();
    }
  }

  private void showSteps(ProcedureState s) {
    steps.getChildren().clear();
    int i = 1;
    for (CalibrationStep step : CalibrationStep.values()) {
      if (step == CalibrationStep.DONE || (step == CalibrationStep.DISTANCE && s.stepCount() < 4)) {
        continue;
      }
      boolean done = s.status() == ProcedureState.Status.COMPLETE || step.ordinal() < s.step().ordinal();
      boolean current = step == s.step() && s.status() != ProcedureState.Status.COMPLETE;
      Label l = new Label((done ? "✔ " : current ? "▶ " : "   ") + i++ + ". " + step.title());
      l.getStyleClass().add(done ? "verdict-ok" : current ? "verdict-topic" : "muted-text");
      steps.getChildren().add(l);
    }
  }

  private void saveResult() {
    DeviceCalibration c = run.result().orElseThrow();
    // The data folder the window uses (the one the live session looks calibrations up in).
    Path file = com.rollercoach.io.DataFolder.resolve(dataDir.get()).calibrationDir()
        .resolve(CalibrationFile.fileName(c.deviceId()));
    Task<Path> t = new Task<>() {
      @Override
      protected Path call() throws Exception {
        return CalibrationFile.write(c, file);
      }
    };
    // write() returns the backup of a replaced file (null when there was none), not the file.
    t.setOnSucceeded(e -> message.setText(String.format(Locale.ROOT,
        "Saved %s: diameter %.2f cm, accelerometer residual %.1f mg.%s", file,
        c.rollerDiameterCm(), c.quality().accelResidualMg(),
        t.getValue() == null ? "" : " The previous one is kept as " + t.getValue().getFileName() + ".")));
    t.setOnFailed(e -> message.setText("Could not save " + file + ": " + t.getException().getMessage()));
    Thread th = new Thread(t, "roller-coach-save-calibration");
    th.setDaemon(true);
    th.start();
  }
}
