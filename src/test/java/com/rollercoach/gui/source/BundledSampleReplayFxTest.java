package com.rollercoach.gui.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.AppWindow;
import com.rollercoach.gui.TestWindows;
import com.rollercoach.gui.summary.SessionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bundled sample replayed at full speed through the real path (simulator → pipeline → feed →
 * window): what the window shows at the end equals a direct batch run of the pipeline over the same
 * session, and the summary is saved as JSON.
 */
@ExtendWith(ApplicationExtension.class)
class BundledSampleReplayFxTest {
  private AppWindow window;
  private Path home;

  @Start
  void start(Stage stage) throws Exception {
    home = Files.createTempDirectory("rc-gui-replay");
    window = TestWindows.open(stage, home);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  @Test
  void fullSpeedReplayShowsWhatTheBatchPipelineFinds(FxRobot robot) throws Exception {
    robot.interact(() -> window.start(Sources.bundledSample(0)));
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.liveView().session().finished());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> "Summary".equals(window.tabs().getSelectionModel().getSelectedItem().getText()));

    AtomicLong samples = new AtomicLong();
    AnalysisCollector collector = new AnalysisCollector();
    MotionPipeline pipeline = new MotionPipeline(PipelineConfig.defaults(), collector);
    double[] span = {Double.NaN, Double.NaN};
    new SimulatedPerson(Sources.SAMPLE_SEED, 0).play(new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        if (samples.getAndIncrement() == 0) {
          span[0] = s.tS();
        }
        span[1] = s.tS();
        pipeline.accept(s);
      }
    });
    pipeline.end();
    SessionAnalysis batch = collector.analysis(span[0], span[1]);
    assertTrue(batch.rolls() >= 5, "the sample is a real session: " + batch.rolls() + " rolls");

    SessionSummary live = window.liveView().session().feed().summary();
    assertEquals(samples.get(), live.samples(), "no sample dropped on the way");
    assertEquals(batch.rolls(), live.analysis().rolls());
    assertEquals(batch.passes().size(), live.analysis().passes().size());
    assertEquals(batch.holds().size(), live.analysis().holds().size());
    assertEquals(Integer.toString(batch.rolls()),
        robot.lookup("#summaryRolls").queryAs(Label.class).getText());
    assertEquals(Integer.toString(batch.passes().size()),
        robot.lookup("#summaryPasses").queryAs(Label.class).getText());
    assertEquals(Integer.toString(batch.rolls()),
        robot.lookup("#rollsValue").queryAs(Label.class).getText());
    // a tender spot's verdict is on the back and the summary says from where, as analyze does
    assertTrue(live.verdicts().stream().anyMatch(v -> v.message().matches("Tender spot at -?\\d+ cm, held .*")),
        live.verdicts().toString());
    assertTrue(robot.lookup("#summaryPositions").queryAs(Label.class).getText()
        .startsWith("Positions in cm from the extension-hold position"));

    try (var files = Files.list(home.resolve("summaries"))) {
      Path saved = files.filter(p -> p.toString().endsWith(".summary.json")).findFirst().orElseThrow();
      String json = Files.readString(saved);
      assertTrue(json.contains("\"rolls\" : " + batch.rolls()), json);
    }
  }
}
