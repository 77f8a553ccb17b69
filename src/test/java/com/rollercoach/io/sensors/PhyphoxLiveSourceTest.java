package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PhyphoxLiveSourceTest {
  private static final double G = ImuSample.STANDARD_GRAVITY;
  private static final PhyphoxBuffers NAMES = PhyphoxBuffers.standard();
  private static final PhyphoxLiveSource.Settings FAST =
      new PhyphoxLiveSource.Settings(
          Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofMillis(20),
          Duration.ofMillis(80), 1.0, Duration.ofMillis(300));

  static final class Collect implements SampleSink {
    final List<ImuSample> samples = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();
    volatile boolean ended;

    @Override
    public void accept(ImuSample s) {
      samples.add(s);
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
      gaps.add(reason);
    }

    @Override
    public void end() {
      ended = true;
    }

    double lastT() {
      return samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1).tS();
    }
  }

  static class Events implements PhyphoxLiveSource.ConnectionListener {
    final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public void connected(URI phone, String session) {
      log.add("connected " + session);
    }

    @Override
    public void disconnected(String reason, Duration retryIn) {
      log.add("disconnected");
    }

    @Override
    public void clockReset(String why) {
      log.add("reset " + why);
    }
  }

  /**
   * 100 Hz accelerometer and 100 Hz gyroscope, the gyro 3 ms earlier, from t0 for the given
   * seconds. The last accelerometer sample waits for a later gyro sample to pair with, so a run up
   * to T delivers samples up to T − 0.017 s.
   */
  static void record(FakePhyphoxPhone phone, double t0, double seconds) {
    int n = (int) Math.round(seconds * 100);
    for (int i = 0; i < n; i++) {
      double t = t0 + i * 0.01;
      phone.append("acc_time", t + 0.003);
      phone.append("accX", 0.1);
      phone.append("accY", 0.2);
      phone.append("accZ", G);
      phone.append("gyr_time", t);
      phone.append("gyrX", 0.0);
      phone.append("gyrY", 0.0);
      phone.append("gyrZ", 0.5);
    }
  }

  static FakePhyphoxPhone phone() {
    return new FakePhyphoxPhone(
        "acc_time", "accX", "accY", "accZ", "gyr_time", "gyrX", "gyrY", "gyrZ");
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  @Test
  void parsesTheRecordedResponseFormat() throws IOException {
    // resources/sensors/phyphox-get-partial.json: a /get reply in RemoteServer.handleGet's layout
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/sensors/phyphox-get-partial.json")) {
      body = in.readAllBytes();
    }
    PhyphoxResponse r = PhyphoxResponse.parse(body);
    assertEquals("3f9a2e", r.session());
    assertTrue(r.measuring());
    assertEquals(3, r.values("acc_time").length);
    assertEquals(12.350512, r.values("acc_time")[1], 1e-9);
    assertEquals(9.8123455, r.values("accZ")[2], 1e-9);
    assertTrue(Double.isNaN(r.values("gyrZ")[0]), "null is NaN");
  }

  @Test
  void fakePhoneAnswersLikePhyphox() {
    FakePhyphoxPhone p = phone();
    p.append("acc_time", 12.345678912, 12.350512);
    p.append("accX", 0.5, 0.25);
    String reply = p.answer("acc_time=1.2345679E1&accX=1.2345679E1%7Cacc_time&gyrZ=");
    String expected =
        "{\"buffer\":{\n"
            + "\"acc_time\":{\"size\":0,\"updateMode\":\"partial\", \"buffer\":[1.2350512E1]},\n"
            + "\"accX\":{\"size\":0,\"updateMode\":\"partial\", \"buffer\":[2.5E-1]},\n"
            + "\"gyrZ\":{\"size\":0,\"updateMode\":\"single\", \"buffer\":[null]}\n"
            + "},\n\"status\":{\n\"session\":\"5f3a1c\", \"measuring\":true, \"timedRun\":false,"
            + " \"countDown\":0\n}\n}\n";
    assertEquals(expected, reply);
  }

  @Test
  void streamsIncrementallyWithoutRepeats() throws Exception {
    try (FakePhyphoxPhone p = phone()) {
      record(p, 0, 5.0);
      p.start();
      Collect c = new Collect();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), NAMES, c, new Events(), FAST);
      src.start();
      await(() -> c.lastT() >= 4.98, "the backlog");
      synchronized (p) {
        record(p, 5.0, 2.0);
      }
      await(() -> c.lastT() >= 6.98, "new data");
      src.close();
      assertTrue(c.ended);
      List<ImuSample> s = new ArrayList<>(c.samples);
      assertEquals(4.003, s.get(0).tS(), 1e-6, "starts 1 s (the backlog) before the latest time");
      for (int i = 1; i < s.size(); i++) {
        assertEquals(0.01, s.get(i).tS() - s.get(i - 1).tS(), 1e-6, "no repeats, no holes at " + i);
      }
      assertEquals(1.0, s.get(10).azG(), 1e-6);
      assertEquals(Math.toDegrees(0.5), s.get(10).gzDps(), 1e-4);
    }
  }

  @Test
  void survivesThePhoneLeavingTheNetworkAndFetchesWhatItBuffered() throws Exception {
    try (FakePhyphoxPhone p = phone()) {
      record(p, 0, 2.0);
      p.start();
      Collect c = new Collect();
      Events events = new Events();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), NAMES, c, events, FAST);
      src.start();
      await(() -> c.lastT() >= 1.98, "first data");
      p.stop();
      synchronized (p) {
        record(p, 2.0, 3.0); // the phone keeps measuring while unreachable
      }
      await(() -> events.log.contains("disconnected"), "the drop");
      Thread.sleep(200);
      p.start(); // same port
      await(() -> c.lastT() >= 4.98, "the buffered data after reconnecting");
      src.close();
      List<ImuSample> s = new ArrayList<>(c.samples);
      for (int i = 1; i < s.size(); i++) {
        assertEquals(0.01, s.get(i).tS() - s.get(i - 1).tS(), 1e-6, "nothing lost at " + i);
      }
      assertTrue(c.gaps.isEmpty(), "no gap to mark: the phone buffered it all");
      assertEquals(2, events.log.stream().filter(e -> e.startsWith("connected")).count(), events.log.toString());
    }
  }

  @Test
  void phyphoxRestartIsAClockResetWithTheGapMarked() throws Exception {
    try (FakePhyphoxPhone p = phone()) {
      record(p, 0, 3.0);
      p.start();
      Collect c = new Collect();
      Events events = new Events();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), NAMES, c, events, FAST);
      src.start();
      await(() -> c.lastT() >= 2.98, "first run");
      double before = c.lastT();
      synchronized (p) {
        p.clear();
        p.session("77aa01");
        record(p, 0, 2.0); // the restarted app's time starts again at 0
      }
      await(() -> src.resets() == 1, "the new session");
      // the new run is fetched from 1 s before its latest time: about 0.98 s of samples
      await(() -> c.lastT() > before + 0.95, "the second run's data");
      src.close();
      List<ImuSample> s = new ArrayList<>(c.samples);
      for (int i = 1; i < s.size(); i++) assertTrue(s.get(i).tS() > s.get(i - 1).tS());
      assertEquals(1, c.gaps.size());
      assertTrue(c.gaps.get(0).contains("new phyphox session"), c.gaps.toString());
    }
  }

  @Test
  void clearedRunIsDetectedByTheStallProbe() throws Exception {
    try (FakePhyphoxPhone p = phone()) {
      record(p, 0, 4.0);
      p.start();
      Collect c = new Collect();
      PhyphoxLiveSource src = new PhyphoxLiveSource(p.uri(), NAMES, c, new Events(), FAST);
      src.start();
      await(() -> c.lastT() >= 3.98, "first run");
      double before = c.lastT();
      synchronized (p) {
        p.clear(); // same session, time restarts: incremental requests alone would stall forever
        record(p, 0, 1.0);
      }
      await(() -> src.resets() == 1, "the stall probe");
      await(() -> c.lastT() > before + 0.9, "the cleared run's data");
      src.close();
      List<ImuSample> s = new ArrayList<>(c.samples);
      for (int i = 1; i < s.size(); i++) assertTrue(s.get(i).tS() > s.get(i - 1).tS());
    }
  }

  @Test
  void phoneUriAcceptsWhatPeopleType() {
    assertEquals(URI.create("http://192.168.0.42:8080/"), PhyphoxLiveSource.phoneUri("192.168.0.42"));
    assertEquals(URI.create("http://10.0.0.5:80/"), PhyphoxLiveSource.phoneUri("http://10.0.0.5:80"));
    assertEquals(
        URI.create("http://phone.local:8080/"), PhyphoxLiveSource.phoneUri("phone.local:8080/"));
    assertEquals(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
  }
}
