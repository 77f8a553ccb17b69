package com.rollercoach.io.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.csv.CsvSampleWriter;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.serial.SocatPair;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed of the live link over a socat pty pair (a benchmark, not a test: it prints numbers and checks
 * only that it measured something). Run: {@code mvn -o test -Dtest=LiveLinkBenchmark -DexcludedTestGroups=fuzz}.
 *
 * <ul>
 *   <li><b>Latency</b>, 200 Hz at real-time pace: from the host receiving the bytes that complete a
 *       frame (the {@code readBytes} that returned them) to the pipeline emitting the event that frame
 *       caused, for every pass event, and for every sample (frame → sample out of the pipeline).
 *   <li><b>Loss</b>, 1 kHz at real-time pace, 921600 baud: frames sent vs decoded, and the decoder's
 *       sequence-gap count.
 * </ul>
 */
@Tag("slow")
class LiveLinkBenchmark {
  @TempDir Path dir;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  @Test
  void latencyAt200HzOverThePty() throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "150"));
    SimulatedSession sim = SimulatedSession.create(SimulationSpec.of(11).withRateHz(200));
    // The emulator runs in a JVM of its own, as a device would: its work must not share our heap.
    Path csv = dir.resolve("sim200.csv");
    try (CsvSampleWriter w = CsvSampleWriter.create(csv, sim.metadata())) {
      firstSeconds(sim, seconds).play(w);
      w.end();
    }
    PipelineConfig config = PipelineConfig.defaults().withRollerDiameterCm(
        sim.metadata().number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(15));

    long[] passLatencyNs = new long[10_000];
    long[] sampleLatencyNs = new long[(int) (seconds * 200) + 1000];
    int[] counts = {0, 0};
    long[] arrivalNanos = {0};
    boolean[] inBytes = {false};
    try (SocatPair cable = new SocatPair(dir).start()) {
      LiveRig[] rig = new LiveRig[1];
      rig[0] = new LiveRig(cable.b().toString(), dir.resolve("lat.rcrec"), config, Duration.ofSeconds(10), 115_200,
          path -> new LinkListener() {
            @Override
            public void bytes(byte[] buf, int off, int len, double hostTimeS) {
              arrivalNanos[0] = rig[0].clock.originNanos() + Math.round(hostTimeS * 1e9);
              int before = rig[0].samples.size();
              inBytes[0] = true;
              path.bytes(buf, off, len, hostTimeS);
              inBytes[0] = false;
              long now = System.nanoTime();
              // Every sample this chunk completed has been through the pipeline by now.
              for (int i = before; i < rig[0].samples.size() && counts[1] < sampleLatencyNs.length; i++) {
                sampleLatencyNs[counts[1]++] = now - arrivalNanos[0];
              }
            }

            @Override
            public void linkUp(double t, String d) {
              path.linkUp(t, d);
            }

            @Override
            public void linkDown(double t, String r) {
              path.linkDown(t, r);
            }
          },
          event -> {
            // Only events caused by a frame: the last pass, emitted when the session ends, is not.
            if (event instanceof MotionEvent.PassCompleted && inBytes[0] && counts[0] < passLatencyNs.length) {
              passLatencyNs[counts[0]++] = System.nanoTime() - arrivalNanos[0];
            }
          });
      Process emulator = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), "com.rollercoach.Main",
              "emulate", "--port", cable.a().toString(), "--input", csv.toString(), "--speed", "1")
          .redirectErrorStream(true).redirectOutput(dir.resolve("emulate.log").toFile()).start();
      try {
        emulator.waitFor(Math.round(seconds) + 120, TimeUnit.SECONDS);
      } finally {
        emulator.destroyForcibly();
      }
      rig[0].finishWhenQuiet(Duration.ofMillis(500), Duration.ofSeconds(30));
    }
    System.out.printf(Locale.ROOT, "live latency @200 Hz over pty, %.0f s: samples n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
        seconds, counts[1], pct(sampleLatencyNs, counts[1], 50), pct(sampleLatencyNs, counts[1], 99), pct(sampleLatencyNs, counts[1], 100));
    System.out.printf(Locale.ROOT, "live latency @200 Hz over pty: pass events n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
        counts[0], pct(passLatencyNs, counts[0], 50), pct(passLatencyNs, counts[0], 99), pct(passLatencyNs, counts[0], 100));
    assertTrue(counts[1] > seconds * 150, "measured the samples");
  }

  @Test
  void noFrameLostAt1kHzAnd921600Baud() throws Exception {
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "60"));
    EmulatorInput input = LiveLinkEndToEndTest.steadyInput(1000, seconds);
    int sent = (int) Math.round(seconds * 1000);
    try (SocatPair cable = new SocatPair(dir).start()) {
      LiveRig rig = new LiveRig(cable.b().toString(), dir.resolve("khz.rcrec"), PipelineConfig.defaults(),
          Duration.ofSeconds(10), 921_600, l -> l, e -> {});
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 921_600);
      long t0 = System.nanoTime();
      new Emulator(input, link, Emulator.Options.defaults().withSpeed(1)).run();
      double wall = (System.nanoTime() - t0) / 1e9;
      rig.finishWhenQuiet(Duration.ofMillis(500), Duration.ofSeconds(30));
      link.close();
      System.out.printf(Locale.ROOT, "1 kHz over pty at 921600 baud, %.0f s (%.1f s wall): sent %d, decoded %d, lost %d, CRC failures %d%n",
          seconds, wall, sent, rig.samples.size(), rig.path.decoderStats().lostFrames(), rig.path.decoderStats().crcFailures());
      assertTrue(rig.samples.size() > 0);
    }
  }

  private static double pct(long[] ns, int n, double p) {
    if (n == 0) return Double.NaN;
    long[] s = Arrays.copyOf(ns, n);
    Arrays.sort(s);
    int i = (int) Math.min(n - 1, Math.ceil(p / 100 * n) - 1);
    return s[Math.max(0, i)] / 1e6;
  }

  private static EmulatorInput firstSeconds(SimulatedSession sim, double seconds) {
    return new EmulatorInput() {
      @Override
      public String description() {
        return "simulated seed 11 at 200 Hz";
      }

      @Override
      public SessionMetadata metadata() {
        return sim.metadata();
      }

      @Override
      public void play(SampleSink sink) {
        double[] t0 = {Double.NaN};
        sim.play(new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            if (Double.isNaN(t0[0])) t0[0] = s.tS();
            if (s.tS() - t0[0] <= seconds) sink.accept(s);
          }
        });
      }
    };
  }
}
