package com.rollercoach.gui.calibration;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.calibration.CalibrationFileException;
import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.calibration.DirectionLearning;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.HeadwardGesture;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.source.Sources;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The wizard's last, separate step: "roll toward your head", once per roller, lying on it. Finds the
 * device's calibration (it needs the roll axis), runs {@link HeadwardGesture} on the live or recorded
 * samples, and writes {@code roller.towardHead} back into the same file. {@link #checkDevice} says
 * whether it is still missing, so the wizard can ask for it.
 */
public final class DirectionPane extends VBox {
  private final Supplier<Path> dataDir;
  private final Supplier<String> deviceId;
  private final TextField port;
  private final Label status = new Label();
  private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> refresh()));
  private volatile DirectionLearning learning;
  private volatile Path file;
  private volatile SampleSource source;
  private volatile boolean saved;

  public DirectionPane(Supplier<Path> dataDir, Supplier<String> deviceId, TextField port) {
    super(8);
    this.dataDir = dataDir;
    this.deviceId = deviceId;
    this.port = port;
    getStyleClass().add("card");
    Label title = new Label("Direction toward the head (once per roller)");
    title.getStyleClass().add("verdict-topic");
    Label how = new Label(HeadwardGesture.INSTRUCTION);
    how.setWrapText(true);
    status.setId("dirStatus");
    status.setWrapText(true);
    Button live = new Button("Start on port");
    live.setId("dirLive");
    live.setOnAction(e -> begin(() -> Sources.serial(port.getText().trim(), dataDir.get())));
    Button rec = new Button("From a recording…");
    rec.setOnAction(e -> {
      File f = new FileChooser().showOpenDialog(getScene().getWindow());
      if (f != null) begin(() -> SampleFiles.replay(f.toPath(), 0));
    });
    Button check = new Button("Check");
    check.setOnAction(e -> checkDevice());
    getChildren().addAll(title, how, new HBox(10, live, rec, check), status);
    poll.setCycleCount(Timeline.INDEFINITE);
  }

  /** Where the device's calibration is, if it has one: looked up as the live session looks it up. */
  private Optional<Path> calibrationFile() throws CalibrationFileException {
    CalibrationResolver r = com.rollercoach.live.LiveSession.Setup.calibrations(
        com.rollercoach.io.DataFolder.resolve(dataDir.get()));
    return r.find(deviceId.get().trim()).map(CalibrationResolver.Found::file);
  }

  /** Shows whether the direction is still missing for the device; returns true when it is known. */
  public boolean checkDevice() {
    try {
      Optional<Path> f = calibrationFile();
      if (f.isEmpty()) {
        status.setText("No calibration for " + deviceId.get() + " yet: calibrate first, then roll toward your head.");
        return false;
      }
      boolean known = CalibrationFile.read(f.get()).knowsHeadDirection();
      status.setText(known ? "Direction toward the head known for " + deviceId.get() + "."
          : "Missing for " + deviceId.get() + ": reviews say \"direction unknown\" until you do it.");
      return known;
    } catch (CalibrationFileException e) {
      status.setText(e.getMessage());
      return false;
    }
  }

  /** Starts the gesture on {@code src} (the buttons, and tests). */
  void begin(Supplier<SampleSource> src) {
    try {
      Optional<Path> f = calibrationFile();
      if (f.isEmpty()) {
        status.setText("No calibration for " + deviceId.get() + " yet: calibrate first.");
        return;
      }
      DeviceCalibration c = CalibrationFile.read(f.get());
      file = f.get();
      learning = new DirectionLearning(c);
      saved = false;
      if (source != null) source.stop();
      source = src.get();
      SampleSource s = source;
      DirectionLearning l = learning;
      Thread t = new Thread(() -> {
        try {
          s.run(new SampleSink() {
            @Override
            public void accept(ImuSample sample) {
              synchronized (l) {
                l.accept(sample);
                var st = l.state().status();
                if (st == HeadwardGesture.Status.DONE || st == HeadwardGesture.Status.FAILED) s.stop();
              }
            }
          }, link -> { });
        } catch (Exception e) {
          // the status line shows what the gesture saw
        }
        synchronized (l) {
          l.end();
        }
      }, "roller-coach-direction");
      t.setDaemon(true);
      t.start();
      poll.play();
    } catch (CalibrationFileException | RuntimeException e) {
      status.setText(e.getMessage());
    }
  }

  private void refresh() {
    DirectionLearning l = learning;
    if (l == null) return;
    HeadwardGesture.State st;
    synchronized (l) {
      st = l.state();
    }
    status.setText(st.message());
    if (st.status() == HeadwardGesture.Status.DONE && !saved) {
      saved = true;
      poll.stop();
      try {
        CalibrationFile.write(l.result(), file);
        status.setText("Direction toward the head learned; saved in " + file + ".");
      } catch (Exception e) {
        status.setText("Could not save " + file + ": " + e.getMessage());
      }
    } else if (st.status() == HeadwardGesture.Status.FAILED) {
      poll.stop();
      status.setText("Not learned: " + st.message() + ". Start again when ready.");
    }
  }
}
