package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.TestHome;
import com.rollercoach.Main;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.review.patients.Dated;
import com.rollercoach.review.patients.Patients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start screen's patient and prescription: an edit made in the window is the prescription the
 * {@code patients} CLI shows (dated, history kept) and the one the live coach follows; and a window
 * opened with {@code --data-dir} keeps everything in that folder.
 */
@ExtendWith(ApplicationExtension.class)
class StartScreenFxTest {
  private static final String ANN = "Ann Example";
  private Stage stage;
  private AppWindow window;
  private Path home;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    home = Files.createTempDirectory("rc-start-screen");
  }

  private void openOn(FxRobot robot, Path dataDir) {
    robot.interact(() -> {
      window = TestWindows.open(stage, dataDir);
    });
  }

  @AfterEach
  void stop(FxRobot robot) {
    if (window != null) robot.interact(window::shutdown);
  }

  private static void type(FxRobot robot, String id, String text) {
    robot.lookup("#" + id).queryAs(TextField.class).setText(text);
  }

  @Test
  void aPrescriptionEditedInTheWindowIsWhatTheCliShowsAndWhatTheCoachFollows(FxRobot robot) throws Exception {
    LocalDate earlier = LocalDate.of(2026, 1, 5);
    Patients.open(home).prescribe(ANN, Prescription.protocolDefault(), earlier);
    openOn(robot, home);
    robot.interact(() -> robot.lookup("#patientPicker").<String>queryComboBox().setValue(ANN));
    assertEquals("10", robot.lookup("#rxRollsMin").queryAs(TextField.class).getText(), "shows the prescription");
    robot.interact(() -> {
      type(robot, "rxRollsMin", "5");
      type(robot, "rxRollsMax", "12");
      type(robot, "rxPassMin", "3");
      type(robot, "rxPassMax", "5");
      type(robot, "rxTenderMin", "45");
      type(robot, "rxTenderMax", "90");
      type(robot, "rxHold", "75");
      type(robot, "rxPerWeek", "4");
      robot.lookup("#savePrescription").queryAs(Button.class).fire();
    });

    // The Patients API: the new one dated today, the earlier one kept.
    Prescription edited = new Prescription(5, 12, 3, 5, 45, 90, 75, 4);
    LocalDate today = LocalDate.now();
    List<Dated<Prescription>> history = Patients.open(home).history(ANN);
    assertEquals(List.of(new Dated<>(earlier, Prescription.protocolDefault()), new Dated<>(today, edited)), history);
    assertTrue(robot.lookup("#prescriptionText").queryAs(Label.class).getText()
        .startsWith("Prescribed from " + today + " (1 earlier kept)"));

    // The patients CLI on the same data folder.
    String shown = run("patients", "show", ANN, "--data-dir", home.toString());
    assertTrue(shown.contains("in force today: rolls 5–12 · 3–5 s/pass · tender spots 45–90 s · hold 75 s · 4×/week"),
        shown);
    assertTrue(shown.contains("from " + earlier + ": rolls 10–20") && shown.contains("from " + today + ": rolls 5–12"),
        shown);

    // The live coach: the rolls milestone comes at the new minimum (5), not the protocol's 10.
    Path sample = Files.copy(Path.of("samples/tender-spots-bluetooth.csv"), home.resolve("tender.csv"));
    robot.interact(() -> window.start(SampleFiles.replay(sample, 0)));
    window.liveView().session().join(60_000);
    WaitForAsyncUtils.waitForFxEvents();
    var session = window.liveView().session().session();
    assertEquals(edited, session.prescription());
    List<Cue.RollMilestone> milestones = session.cues().stream()
        .filter(c -> c instanceof Cue.RollMilestone).map(c -> (Cue.RollMilestone) c).toList();
    assertFalse(milestones.isEmpty(), session.cues().toString());
    assertEquals(5, milestones.get(0).rolls(), milestones.toString());
    assertTrue(milestones.stream().noneMatch(m -> m.rolls() == 10), milestones.toString());
    assertEquals("of 5–12", robot.lookup("#rollsTarget").queryAs(Label.class).getText());
  }

  /** The patient picker's hint is read whole: it was cut at "patient name (type a new one to". */
  @Test
  void thePatientPickersHintFits(FxRobot robot) {
    openOn(robot, home);
    robot.interact(() -> { });
    ComboBox<?> picker = robot.lookup("#patientPicker").queryComboBox();
    TextField editor = picker.getEditor();
    javafx.scene.text.Text text = new javafx.scene.text.Text(editor.getPromptText());
    text.setFont(editor.getFont());
    double room = editor.getWidth() - editor.getPadding().getLeft() - editor.getPadding().getRight();
    assertTrue(editor.getPromptText().endsWith("to add)"), editor.getPromptText());
    assertTrue(text.getLayoutBounds().getWidth() <= room,
        text.getLayoutBounds().getWidth() + " px of hint in " + room + " px");
    // and legible on the field (WCAG AA, 4.5:1): Modena's prompt grey on this dark theme was ~1.6:1
    javafx.scene.text.Text shown = editor.lookupAll(".text").stream()
        .filter(n -> n instanceof javafx.scene.text.Text t && editor.getPromptText().equals(t.getText()))
        .map(n -> (javafx.scene.text.Text) n).findFirst().orElseThrow();
    javafx.scene.paint.Color hint = (javafx.scene.paint.Color) shown.getFill();
    javafx.scene.paint.Color field = javafx.scene.paint.Color.web("#262b31"); // -fx-control-inner-background
    double contrast = (luminance(hint) + 0.05) / (luminance(field) + 0.05);
    assertTrue(contrast >= 4.5, hint + " on " + field + ": " + contrast + ":1");
  }

  private static double luminance(javafx.scene.paint.Color c) {
    double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
    for (int i = 0; i < 3; i++) v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }

  @Test
  void anImpossiblePrescriptionIsRefusedInOneLineAndNothingIsSaved(FxRobot robot) {
    openOn(robot, home);
    robot.interact(() -> {
      robot.lookup("#patientPicker").<String>queryComboBox().setValue(ANN);
      type(robot, "rxRollsMin", "20");
      type(robot, "rxRollsMax", "10");
      robot.lookup("#savePrescription").queryAs(Button.class).fire();
    });
    assertEquals("rolls must be 1 or more, min ≤ max: 20–10",
        robot.lookup("#prescriptionProblem").queryAs(Label.class).getText());
    assertTrue(Patients.open(home).exists(ANN), "the patient was added on choosing");
    assertEquals(List.of(), Patients.open(home).history(ANN), "nothing prescribed");
    robot.interact(() -> {
      type(robot, "rxHold", "a minute");
      type(robot, "rxRollsMin", "10");
      robot.lookup("#savePrescription").queryAs(Button.class).fire();
    });
    assertEquals("hold: 'a minute' is not a number", robot.lookup("#prescriptionProblem").queryAs(Label.class).getText());
  }

  @Test
  void aWindowOpenedWithDataDirWritesNothingToTheHomeFolder(FxRobot robot) throws Exception {
    Path userHome = Files.createTempDirectory("rc-user-home");
    Path data = home.resolve("elsewhere");
    String oldHome = TestHome.current();
    TestHome.set(userHome.toString());
    try {
      Path sample = Files.copy(Path.of("samples/tender-spots-bluetooth.csv"), home.resolve("tender.csv"));
      GuiOptions options = new GuiOptions(Optional.of(sample), 0, false, false, 0, Optional.empty(), false, 0,
          Optional.empty(), false, Optional.of(data));
      robot.interact(() -> window = RollerCoachApp.open(stage, options));
      window.liveView().session().join(60_000);
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(window.liveView().session().finished());
      // Everything that writes: the patient and prescription, the settings, the review library.
      robot.interact(() -> {
        window.tabs().getSelectionModel().select(0);
        ComboBox<String> p = robot.lookup("#patientPicker").queryComboBox();
        p.setValue(ANN);
        robot.lookup("#savePrescription").queryAs(Button.class).fire();
        window.tabs().getSelectionModel().select(3);
        robot.lookup("#saveSettings").queryAs(Button.class).fire();
        window.tabs().getSelectionModel().select(5);
      });
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(500); // the review library opens off the FX thread
      WaitForAsyncUtils.waitForFxEvents();
      assertEquals(data, window.dataDir());
      assertEquals(data.toString(), robot.lookup("#dataFolder").queryAs(Label.class).getText());
      assertTrue(Files.isRegularFile(data.resolve("settings.json")));
      assertTrue(Patients.open(data).exists(ANN));
      assertFalse(Files.exists(userHome.resolve(".roller-coach")), "nothing under ~/.roller-coach");
    } finally {
      TestHome.restore(oldHome);
    }
  }

  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.run(args));
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
