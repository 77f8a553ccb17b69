package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The patients heard the still chime and read "Holding still." 4–5 s after they had got off the
 * roller (samples/two-sets.csv between its sets: "Holding still." at 2:38, off since 2:35). No cue
 * about a still may come while the person is getting off: between the moment getting off began and
 * the moment the detector tells it.
 */
class NoStillCueWhileGettingOffTest {
  @ParameterizedTest
  @ValueSource(strings = {"two-sets", "typical-session", "fast-roller", "tender-spots-bluetooth"})
  void noStillIsCoachedBetweenGettingOffAndItsEvent(String sample) throws Exception {
    List<Cue> cues = new ArrayList<>();
    List<MotionEvent.GotOff> offs = new ArrayList<>();
    Path file = Path.of("samples/" + sample + ".csv");
    try (CsvSampleReader reader = CsvSampleReader.open(file)) {
      PipelineConfig config = PipelineConfig.defaults().withRollerDiameterCm(reader.metadata()
          .number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM));
      LiveCueEngine engine = new LiveCueEngine(Prescription.protocolDefault(), config.rollingDiameterCm(), cues::add);
      MotionPipeline pipeline = new MotionPipeline(config, e -> {
        if (e instanceof MotionEvent.GotOff off) offs.add(off);
        engine.onEvent(e);
      });
      reader.readTo(new SampleSink() {
        @Override
        public void accept(ImuSample s) {
          pipeline.accept(s);
          engine.onState(pipeline.state());
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
          pipeline.gap(fromS, toS, reason);
        }

        @Override
        public void end() {}
      });
      pipeline.end();
    }
    assertFalse(offs.isEmpty());
    for (MotionEvent.GotOff off : offs) {
      for (Cue c : cues) {
        boolean aboutAStill = c instanceof Cue.StillStarted || c instanceof Cue.TenderSpot
            || c instanceof Cue.HoldStarted;
        assertTrue(!aboutAStill || c.atS() < off.offS() || c.atS() > off.atS(),
            sample + ": '" + CueText.of(c) + "' at " + c.atS() + " while getting off (" + off.offS()
                + ", told at " + off.atS() + ")");
      }
    }
  }
}
