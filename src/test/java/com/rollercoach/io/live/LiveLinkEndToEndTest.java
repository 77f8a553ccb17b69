package com.rollercoach.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.emulator.SimulatedInput;
import com.rollercoach.io.recording.RecordingEntry;
import com.rollercoach.io.recording.RecordingReader;
import com.rollercoach.io.serial.SocatPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live link end to end over a real pty pair made by socat: emulator → pty → jSerialComm reader →
 * recorder + decoder → pipeline, compared with the offline analysis of the same session.
 */
class LiveLinkEndToEndTest {
  @TempDir Path dir;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  @Test
  void liveEventsEqualTheAnalysisOfTheSameSessionAndNoFrameIsLost() throws Exception {
    SimulatedInput input = SimulatedInput.of(7);
    PipelineConfig config = PipelineConfig.defaults().withRollerDiameterCm(
        input.metadata().number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(15));
    Path rec = dir.resolve("live.rcrec");
    try (SocatPair cable = new SocatPair(dir).start()) {
      LiveRig live = new LiveRig(cable.b().toString(), rec, config, Duration.ofSeconds(10));
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(input, link, Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY));
      emulator.run();
      live.finishWhenQuiet(Duration.ofMillis(700), Duration.ofSeconds(120));
      link.close();

      int sent = count(input);
      assertEquals(sent, live.samples.size(), "every sample the emulator sent was decoded: none lost on the pty");

      // Offline: the recording of those bytes, through SessionFiles as `analyze` reads it.
      Replayed offline = replay(rec, config);
      assertEquals(live.samples.size(), offline.samples.size());
      for (int i = 0; i < offline.samples.size(); i++) assertEquals(live.samples.get(i), offline.samples.get(i));
      assertEquals(live.events, offline.events, "live events equal analyze of the recording");
      assertTrue(passes(live.events) >= 20, "the session was rolled (" + passes(live.events) + " passes)");

      // And the same session analysed straight from the simulator, unquantised: the same passes.
      List<MotionEvent> direct = new ArrayList<>();
      MotionPipeline p = new MotionPipeline(config, direct::add);
      input.play(p);
      p.end();
      assertEquals(passes(direct), passes(live.events), "pass count matches the unquantised session");
    }
  }

  @Test
  void pullingTheLinkMidSessionReconnectsAndTheRecordingHoldsEverythingReceived() throws Exception {
    EmulatorInput input = steadyInput(200, 8.0);
    Path rec = dir.resolve("pulled.rcrec");
    try (SocatPair cable = new SocatPair(dir).start()) {
      LiveRig live = new LiveRig(cable.b().toString(), rec, PipelineConfig.defaults(), Duration.ofSeconds(3));
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(input, link, Emulator.Options.defaults().withSpeed(2));
      Thread player = emulator.start(null);

      awaitTrue(() -> live.samples.size() > 300, "samples before the pull");
      cable.kill(); // pull the cable
      Thread.sleep(600);
      cable.start(); // plug it back in: new /dev/pts numbers behind the same links
      player.join(TimeUnit.SECONDS.toMillis(60));
      live.finishWhenQuiet(Duration.ofMillis(700), Duration.ofSeconds(30));
      link.close();

      assertTrue(live.source.reconnects() >= 1, "the reader reopened the path");
      assertTrue(link.reopens() >= 1, "the emulator reopened its end");
      int received = live.samples.size();
      assertTrue(received < 1600, "frames were lost while the cable was out: " + received);
      ImuSample last = live.samples.get(received - 1);
      assertTrue(last.tS() - live.samples.get(0).tS() > 7.5, "data flowed again after the reconnect");
      assertFalse(live.gaps.isEmpty(), "the outage reached the pipeline as a gap");
      for (int i = 1; i < received; i++) assertTrue(live.samples.get(i).tS() > live.samples.get(i - 1).tS());

      Replayed offline = replay(rec, PipelineConfig.defaults());
      assertEquals(live.samples, offline.samples, "the recording holds every sample that was received");
      assertEquals(live.gaps.size(), offline.gaps.size(), "and replays the same gaps");
      List<Boolean> linkStates = new ArrayList<>();
      try (RecordingReader r = RecordingReader.open(rec)) {
        for (RecordingEntry e; (e = r.next()) != null; ) if (e instanceof RecordingEntry.Link l) linkStates.add(l.up());
      }
      assertEquals(List.of(true, false, true), linkStates.subList(0, 3), "link up, lost, up again are recorded");
    }
  }

  @Test
  void aRecordingProcessKilledWithSigkillReplaysUpToItsLastFlush() throws Exception {
    EmulatorInput input = steadyInput(200, 120.0);
    Path rec = dir.resolve("crash.rcrec");
    try (SocatPair cable = new SocatPair(dir).start()) {
      Process recorder = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "com.rollercoach.Main",
              "record", "--port", cable.b().toString(), "--out", rec.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("record.log").toFile()).start();
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(input, link, Emulator.Options.defaults().withSpeed(1));
      try {
        awaitTrue(() -> Files.exists(rec), "the recording to be created");
        Thread.sleep(300); // let the child open the port before the emulator starts talking
        emulator.start(null);
        awaitTrue(() -> size(rec) > 20_000, "data in the recording");
        Thread.sleep(1500);
        long sentBeforeKill = emulator.framesSent();
        recorder.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final flush
        assertTrue(recorder.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, recorder.exitValue(), "killed by SIGKILL");

        Replayed offline = replay(rec, PipelineConfig.defaults());
        try (RecordingReader r = RecordingReader.open(rec)) {
          while (r.next() != null) { /* read to the end */ }
          assertFalse(r.endedCleanly(), "no END record: the process died");
        }
        int n = offline.samples.size();
        // The writer flushes every 500 ms: at most that much (plus pipe latency) may be missing.
        assertTrue(n >= sentBeforeKill - 0.5 * 200 - 100 - 60, "replayed " + n + " of " + sentBeforeKill + " sent");
        for (int i = 1; i < n; i++) {
          assertEquals(0.005, offline.samples.get(i).tS() - offline.samples.get(i - 1).tS(), 1e-6,
              "a gapless prefix of the session at sample " + i);
        }
      } finally {
        emulator.stop();
        recorder.destroyForcibly();
        link.close();
      }
    }
  }

  /**
   * Whether this process ignores SIGINT, as a command started in the background by a
   * non-interactive shell does (`nohup … &`): its children inherit that, so the child `record`
   * cannot be sent a Ctrl-C at all (Linux's /proc; elsewhere assumed not).
   */
  private static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
          return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
        }
      }
    } catch (java.io.IOException | RuntimeException notLinux) {
      // no /proc: nothing known to ignore it
    }
    return false;
  }

  @Test
  void ctrlCEndsARecordingCleanlyWithASummary() throws Exception {
    assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (started in the background?)");
    EmulatorInput input = steadyInput(200, 120.0);
    Path rec = dir.resolve("ctrl-c.rcrec");
    Path log = dir.resolve("ctrl-c.log");
    try (SocatPair cable = new SocatPair(dir).start()) {
      Process recorder = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "com.rollercoach.Main",
              "record", "--port", cable.b().toString(), "--out", rec.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(input, link, Emulator.Options.defaults().withSpeed(1));
      try {
        awaitTrue(() -> Files.exists(rec), "the recording to be created");
        Thread.sleep(300);
        emulator.start(null);
        awaitTrue(() -> size(rec) > 10_000, "data in the recording");
        // What Ctrl-C in a terminal sends.
        new ProcessBuilder("kill", "-INT", Long.toString(recorder.pid())).start().waitFor();
        assertTrue(recorder.waitFor(30, TimeUnit.SECONDS), "record ended after SIGINT");
        String out = Files.readString(log);
        assertTrue(out.contains("Summary: ") && out.contains("Saved " + rec), out);
        try (RecordingReader r = RecordingReader.open(rec)) {
          while (r.next() != null) { /* read to the end */ }
          assertTrue(r.endedCleanly(), "the recording was closed with its END record");
          assertTrue(r.warning().isEmpty());
        }
        assertTrue(replay(rec, PipelineConfig.defaults()).samples.size() > 100);
      } finally {
        emulator.stop();
        recorder.destroyForcibly();
        link.close();
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  record Replayed(List<ImuSample> samples, List<double[]> gaps, List<MotionEvent> events) {}

  static Replayed replay(Path file, PipelineConfig config) throws Exception {
    List<ImuSample> samples = new ArrayList<>();
    List<double[]> gaps = new ArrayList<>();
    List<MotionEvent> events = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(config, events::add);
    SampleSink sink = LiveRig.collecting(p, samples, gaps);
    SessionFile f = SessionFiles.open(file);
    f.play(sink);
    sink.end();
    return new Replayed(samples, gaps, events);
  }

  /** A roller rocking back and forth at 0.5 Hz, {@code seconds} long. */
  static EmulatorInput steadyInput(double rateHz, double seconds) {
    return new EmulatorInput() {
      @Override
      public String description() {
        return "steady rocking";
      }

      @Override
      public SessionMetadata metadata() {
        return SessionMetadata.empty().with(SessionMetadata.SAMPLE_RATE_HZ, Double.toString(rateHz));
      }

      @Override
      public void play(SampleSink sink) {
        int n = (int) Math.round(seconds * rateHz);
        for (int i = 0; i < n; i++) {
          double t = i / rateHz;
          double w = 60 * Math.sin(2 * Math.PI * 0.5 * t);
          sink.accept(new ImuSample(t, 0.02, Math.sin(t) * 0.3, 0.95, w, 0.3, -0.2));
        }
      }
    };
  }

  static int count(EmulatorInput in) throws Exception {
    int[] n = {0};
    in.play(s -> n[0]++);
    return n[0];
  }

  static long passes(List<MotionEvent> events) {
    return events.stream().filter(e -> e instanceof MotionEvent.PassCompleted).count();
  }

  static long size(Path p) {
    try {
      return Files.size(p);
    } catch (Exception e) {
      return 0;
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void awaitTrue(Check c, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!c.ok()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }
}
