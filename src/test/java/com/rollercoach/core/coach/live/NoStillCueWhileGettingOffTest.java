package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import com.rollercoach.sim.bench.CuePlayback;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    Path file = Path.of("samples/" + sample + ".csv");
    try (CsvSampleReader reader = CsvSampleReader.open(file)) {
      double diameter = reader.metadata().number(SessionMetadata.ROLLER_DIAMETER_CM)
          .orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
      checkNoStillCueWhileGettingOff(sample, diameter, reader::readTo);
    }
  }

  /**
   * Getting off rolled the roller less than the still's 3 cm band or only jolted it, after the still
   * had begun, so the still ran on and reached its 10 s while the detector had not yet seen the
   * roller empty (it needs 6.5–7.5 s after the roller last moved): "Holding still." and "Tender
   * spot." 4 s after the person had got off (30000106, 30000118, 30000113, 30000102), "10 seconds
   * left." of a hold after it (30000105). The still's cues now wait until the detector has had that
   * time since the roller last moved.
   */
  @ParameterizedTest
  @CsvSource({"30000106,", "30000118,TWO_SETS", "30000113,PAUSER", "30000102,TENDER_ROCKER",
      "30000105,TENDER_ROCKER"})
  void noStillIsCoachedAfterAGetOffInsideTheStillsBand(long seed, Archetype archetype) throws Exception {
    SimulationSpec spec = SimulationSpec.of(seed);
    if (archetype != null) spec = spec.withArchetype(archetype);
    SimulatedSession session = SimulatedSession.create(spec);
    checkNoStillCueWhileGettingOff("seed " + seed, session.nominalDiameterCm(), session::play);
  }

  private static void checkNoStillCueWhileGettingOff(
      String what, double diameterCm, CuePlayback.Source source) throws Exception {
    PipelineConfig config = PipelineConfig.defaults().withRollerDiameterCm(diameterCm);
    CuePlayback.Result played = CuePlayback.play(source, config, Prescription.protocolDefault());
    List<Cue> cues = played.cues();
    List<MotionEvent.GotOff> offs = new ArrayList<>();
    for (MotionEvent e : played.events()) if (e instanceof MotionEvent.GotOff off) offs.add(off);
    assertFalse(offs.isEmpty());
    for (MotionEvent.GotOff off : offs) {
      for (Cue c : cues) {
        boolean aboutAStill = c instanceof Cue.StillStarted || c instanceof Cue.TenderSpot
            || c instanceof Cue.HoldStarted || c instanceof Cue.HoldCountdown
            || c instanceof Cue.DwellTimer || c instanceof Cue.StillTimer;
        assertTrue(!aboutAStill || c.atS() < off.offS() || c.atS() > off.atS(),
            what + ": '" + CueText.of(c) + "' at " + c.atS() + " while getting off (" + off.offS()
                + ", told at " + off.atS() + ")");
      }
    }
  }
}
