package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.gui.live.LiveFeed;
import com.rollercoach.gui.settings.SettingsStore;
import com.rollercoach.gui.settings.UserSettings;
import com.rollercoach.gui.sound.CuePlayer;
import com.rollercoach.gui.sound.Speech;
import com.rollercoach.gui.source.LinkStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the window with a known session and checks what the patient would see. */
@ExtendWith(ApplicationExtension.class)
class LiveViewFxTest {
  private AppWindow window;
  private ScriptedSession script;
  private CuePlayer player;

  @Start
  void start(Stage stage) throws Exception {
    Path home = Files.createTempDirectory("rc-gui-test");
    SettingsStore store = new SettingsStore(home);
    player = new CuePlayer(Speech.none());
    window = new AppWindow(store, store.defaults().withSound(false), player, false);
    stage.setScene(window.scene(1280, 800));
    stage.show();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  /** Starts a session whose feed the script writes, and plays the script to {@code t}. */
  private void playTo(FxRobot robot, double t) {
    robot.interact(() -> {
      if (script == null) {
        window.start(new IdleSource());
        LiveFeed feed = window.liveView().session().feed();
        script = new ScriptedSession(feed, CoachingTargets.defaults());
      }
      script.advanceTo(t);
      window.liveView().refresh();
    });
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @Test
  void countersFollowTheRolling(FxRobot robot) {
    playTo(robot, 6);
    assertEquals("Getting on", text(robot, "#phaseTitle"));
    playTo(robot, 40.5); // four passes done
    assertEquals("Rolling", text(robot, "#phaseTitle"));
    assertEquals("2", text(robot, "#rollsValue"));
    assertEquals("4", text(robot, "#passesValue"));
    assertEquals("of 10–20", text(robot, "#rollsTarget"));
    assertEquals("2.5 cm/s", text(robot, "#paceValue"));
    assertEquals("● Connected", text(robot, "#linkState"));
  }

  /** The patient's status bar says the link, not the window's fps and CPU (those need gui --perf). */
  @Test
  void theStatusBarShowsNoPerformanceFiguresWithoutPerf(FxRobot robot) {
    playTo(robot, 40.5);
    robot.interact(() -> { }); // a frame of the window's timer has run
    Label perf = robot.lookup("#perfReadout").queryAs(Label.class);
    assertFalse(perf.isVisible(), perf.getText());
    assertFalse(perf.isManaged());
    assertTrue(robot.lookup("#linkState").queryAs(Label.class).isVisible());
  }

  @Test
  void aTenderSpotBeforeEnoughRollsShowsItsTimerLargestAndPosition(FxRobot robot) {
    playTo(robot, 100);
    assertEquals("Tender spot", text(robot, "#phaseTitle"));
    assertEquals("0:43", text(robot, "#bigTimer"));
    assertEquals("at 12 cm · move on after 1:00", text(robot, "#phaseDetail")); // direction unknown: no sign
    // From 2 m away the running timer must be the largest text on the screen.
    assertTrue(fontSize(robot, "#bigTimer") > fontSize(robot, "#rollsValue"));
    playTo(robot, 118);
    assertEquals("1 minute on this spot. Move on when it eases.", text(robot, "#cueBanner"));
  }

  @Test
  void theHoldCountsDownWithBreaths(FxRobot robot) {
    playTo(robot, 250.5);
    assertEquals("10", text(robot, "#rollsValue"));
    assertTrue(robot.lookup("#rollsValue").queryAs(Label.class).getStyleClass().contains("reached"));
    assertEquals("Extension hold", text(robot, "#phaseTitle"));
    assertEquals("0:49 left", text(robot, "#bigTimer"));
    assertEquals("1 breath", text(robot, "#phaseDetail"));
    playTo(robot, 269.5);
    assertEquals("0:30 left", text(robot, "#bigTimer"));
    assertEquals("5 breaths", text(robot, "#phaseDetail"));
    assertEquals("30 seconds left. Breathe deeply.", text(robot, "#cueBanner"));
    playTo(robot, 300);
    assertEquals("Hold complete", text(robot, "#phaseTitle"));
    assertEquals("roll off gently · 10 breaths", text(robot, "#phaseDetail"));
    assertEquals("Hold complete. Roll off gently.", text(robot, "#cueBanner"));
  }

  /**
   * A cue's banner is shown for 6 s of session time: it stayed 6 s of wall-clock time, so at 4×
   * replay "30 seconds left" still stood beside "0:25 left" (and "0:06 left").
   */
  @Test
  void aCueBannerGoesAfterSixSecondsOfSessionTime(FxRobot robot) {
    playTo(robot, 269.5);
    Label banner = robot.lookup("#cueBanner").queryAs(Label.class);
    assertEquals("30 seconds left. Breathe deeply.", banner.getText());
    assertTrue(banner.isVisible());
    playTo(robot, 273); // 3.5 s of the session later (far less of the clock's)
    assertTrue(banner.isVisible(), "still readable");
    playTo(robot, 275.5); // the session's timer reads 0:24 left
    assertEquals("0:24 left", text(robot, "#bigTimer"));
    assertFalse(banner.isVisible(), "'30 seconds left' beside 0:24 left");
  }

  /**
   * More rolls than prescribed is not "reached": the counter turned green at the minimum and stayed
   * green past the maximum (23 of 10–20 in green), where the summary and the report say "more than
   * the 10–20 prescribed" (off target).
   */
  @Test
  void moreRollsThanPrescribedIsNotShownAsReached(FxRobot robot) {
    playTo(robot, 6);
    robot.interact(() -> window.liveView().setTargets(new CoachingTargets(4, 8, 2.5, 60, 120, 60, 5.0)));
    playTo(robot, 40.5);
    Label rolls = robot.lookup("#rollsValue").queryAs(Label.class);
    assertEquals("2", rolls.getText());
    assertFalse(rolls.getStyleClass().contains("reached"), rolls.getStyleClass().toString());
    assertFalse(rolls.getStyleClass().contains("over"), rolls.getStyleClass().toString());
    playTo(robot, 250.5);
    assertEquals("10", rolls.getText());
    assertFalse(rolls.getStyleClass().contains("reached"), rolls.getStyleClass().toString());
    assertTrue(rolls.getStyleClass().contains("over"), rolls.getStyleClass().toString());
  }

  @Test
  void theSummaryFollowsTheEndOfTheSession(FxRobot robot) {
    playTo(robot, ScriptedSession.END);
    robot.interact(() -> {
      script.finish();
      window.liveView().refresh();
    });
    assertEquals("Summary", window.tabs().getSelectionModel().getSelectedItem().getText());
    assertEquals("10", text(robot, "#summaryRolls"));
    assertEquals("20", text(robot, "#summaryPasses"));
    assertEquals("2.5 cm/s", text(robot, "#summaryPace"));
  }

  @Test
  void aLostConnectionShowsABannerThatClearsOnReconnect(FxRobot robot) {
    playTo(robot, 20);
    robot.interact(() -> {
      LiveFeed feed = window.liveView().session().feed();
      feed.link(new LinkStatus(LinkStatus.State.RECONNECTING, "no data for 3 s", 12));
      window.liveView().refresh();
    });
    Label banner = robot.lookup("#lostBanner").queryAs(Label.class);
    assertTrue(banner.isVisible());
    assertEquals("Connection lost: reconnecting… (no data for 3 s)", banner.getText());
    assertEquals("frames lost: 12", text(robot, "#framesLost"));
    robot.interact(() -> {
      LiveFeed feed = window.liveView().session().feed();
      feed.link(new LinkStatus(LinkStatus.State.CONNECTED, "/dev/ttyACM0", 12));
      script.advanceTo(21);
      window.liveView().refresh();
    });
    assertFalse(banner.isVisible());
  }

  @Test
  void keysMuteAndEnlarge(FxRobot robot) {
    ToggleButton mute = robot.lookup("#muteButton").queryAs(ToggleButton.class);
    boolean before = mute.isSelected();
    robot.type(KeyCode.M);
    assertEquals(!before, mute.isSelected());
    assertEquals(!before, player.muted());
    assertFalse(window.root().getStyleClass().contains("large"));
    robot.type(KeyCode.L);
    assertTrue(window.root().getStyleClass().contains("large"));
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
    assertEquals("Settings", window.tabs().getSelectionModel().getSelectedItem().getText());
  }

  private static double fontSize(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getFont().getSize();
  }

  /** The cue banner has its own strip under the chart: it never covers the speed chart's time axis. */
  @Test
  void theCueBannerDoesNotCoverTheChart(FxRobot robot) {
    playTo(robot, 118);
    Label banner = robot.lookup("#cueBanner").queryAs(Label.class);
    assertTrue(banner.isVisible());
    javafx.geometry.Bounds b = banner.localToScene(banner.getBoundsInLocal());
    javafx.scene.Node chart = robot.lookup("#liveChart").query();
    javafx.geometry.Bounds c = chart.localToScene(chart.getBoundsInLocal());
    assertTrue(b.getHeight() > 20 && c.getHeight() > 200, b + " " + c);
    // the chart's bottom edge (the time axis) lies above the banner's top
    assertTrue(c.getMaxY() <= b.getMinY(), "banner " + b + " overlaps the chart " + c);
    javafx.scene.Node status = robot.lookup("#linkState").query();
    assertTrue(b.getMaxY() <= status.localToScene(status.getBoundsInLocal()).getMinY(), "banner over the status bar");
    // hiding and showing it does not move the chart
    double chartBottom = c.getMaxY();
    playTo(robot, 140);
    javafx.geometry.Bounds after = chart.localToScene(chart.getBoundsInLocal());
    assertEquals(chartBottom, after.getMaxY(), 0.5);
  }

  /** A cue too long for the banner's strip is set smaller, not cut to "…". */
  @Test
  void aLongCueIsSetSmallerNotCut(FxRobot robot) {
    playTo(robot, 118);
    Label banner = robot.lookup("#cueBanner").queryAs(Label.class);
    robot.interact(() -> {
      banner.setText("Stay between the shoulder blades: off your low back and neck. ".repeat(3).strip());
      banner.getScene().getRoot().applyCss();
      banner.getScene().getRoot().layout();
    });
    javafx.scene.text.Text probe = new javafx.scene.text.Text(banner.getText());
    probe.setFont(banner.getFont());
    assertTrue(probe.getLayoutBounds().getWidth() <= banner.getWidth(), "cut: " + banner.getStyle());
  }
}
